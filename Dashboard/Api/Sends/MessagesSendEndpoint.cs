using BrazeLite.Core.Ingest;

namespace Dashboard.Api.Sends;

/// <summary><c>POST /messages/send</c>: an API campaign's send, the content in the request.</summary>
public static class MessagesSendEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, SendService sends, CancellationToken ct)
    {
        var caller = SendCallers.From(context);
        var (body, bodyError, status) = await JsonBody.ReadAsync(context.Request, ct, hash: caller.IdempotencyKey is not null);
        if (body is null)
        {
            var refused = new SendAnswer(status, bodyError!.Message, Errors: bodyError.Errors);
            sends.Record(SendService.MessagesSendEndpoint, refused, caller, null);
            return SendAnswers.ToResult(refused);
        }
        caller = caller with { RequestHash = body.Hash };
        var (request, error) = MessagesSendReader.Read(body.Root);
        if (error is not null)
        {
            sends.Record(SendService.MessagesSendEndpoint, error, caller, body.Root["campaign_id"]?.ToString());
            return SendAnswers.ToResult(error);
        }
        return SendAnswers.ToResult(await SendAnswers.RunAsync(() => sends.SendMessagesAsync(request!, caller, ct)));
    }
}
