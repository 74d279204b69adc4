using BrazeLite.Core.Ingest;

namespace Dashboard.Api.Sends;

/// <summary><c>POST /messages/send</c>: an API campaign's send, the content in the request.</summary>
public static class MessagesSendEndpoint
{
    public static Task<IResult> HandleAsync(HttpContext context, SendService sends, CancellationToken ct) =>
        SendAnswers.HandleAsync(context, sends, SendService.MessagesSendEndpoint, MessagesSendReader.Read,
            (request, caller) => sends.SendMessagesAsync(request, caller, ct), ct, isBroadcast: request => request.Broadcast);
}
