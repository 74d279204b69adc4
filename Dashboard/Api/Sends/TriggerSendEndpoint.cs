using BrazeLite.Core.ApiKeys;
using BrazeLite.Core.Ingest;
using Dashboard.Api.Authentication;

namespace Dashboard.Api.Sends;

/// <summary><c>POST /campaigns/trigger/send</c>: Braze's trigger of an API-triggered campaign.</summary>
public static class TriggerSendEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, SendService sends, CancellationToken ct)
    {
        var caller = SendCallers.From(context);
        var (body, bodyError, status) = await JsonBody.ReadAsync(context.Request, ct, hash: caller.IdempotencyKey is not null);
        if (body is null)
        {
            var refused = new SendAnswer(status, bodyError!.Message, Errors: bodyError.Errors);
            sends.Record(SendService.TriggerSendEndpoint, refused, caller, null);
            return SendAnswers.ToResult(refused);
        }
        caller = caller with { RequestHash = body.Hash };
        var (request, error) = TriggerSendReader.Read(body.Root);
        if (error is not null)
        {
            sends.Record(SendService.TriggerSendEndpoint, error, caller, body.Root["campaign_id"]?.ToString());
            return SendAnswers.ToResult(error);
        }
        return SendAnswers.ToResult(await SendAnswers.RunAsync(() => sends.TriggerAsync(request!, caller, ct)));
    }
}
