using BrazeLite.Core.Ingest;

namespace Dashboard.Api.Sends;

/// <summary><c>POST /campaigns/trigger/send</c>: Braze's trigger of an API-triggered campaign.</summary>
public static class TriggerSendEndpoint
{
    public static Task<IResult> HandleAsync(HttpContext context, SendService sends, CancellationToken ct) =>
        SendAnswers.HandleAsync(context, sends, SendService.TriggerSendEndpoint, TriggerSendReader.Read,
            (request, caller) => sends.TriggerAsync(request, caller, ct), ct, isBroadcast: request => request.Broadcast);
}
