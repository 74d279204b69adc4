using System.Globalization;
using BrazeLite.Core.Ingest;
using Dashboard.Api.Sends;

namespace Dashboard.Api.Ajo;

/// <summary>
/// <c>POST /ajo/im/executions/unitary</c>: Adobe Journey Optimizer's execution of an API-triggered campaign for the
/// recipients in the call. 202 once committed; a retried <c>requestId</c> with the same body gets the first answer.
/// </summary>
public static class AjoExecutionEndpoint
{
    public const string Path = "/ajo/im/executions/unitary";

    public static async Task<IResult> HandleAsync(HttpContext context, SendService sends, CancellationToken ct)
    {
        var caller = SendCallers.From(context);
        var (body, bodyError, status) = await JsonBody.ReadAsync(context.Request, ct, hash: true);
        if (body is null)
        {
            return AjoProblem.Of(status, bodyError!.Message, string.Join(" ", bodyError.Errors ?? []), null, null).ToResult();
        }
        var requestId = body.Root["requestId"]?.ToString();
        var campaignId = body.Root["campaignId"]?.ToString();
        var (request, error) = AjoExecutionReader.Read(body.Root);
        if (error is not null)
        {
            sends.Record(SendService.AjoExecutionEndpoint, SendAnswer.Fatal("Bad Request", error), caller, campaignId);
            return AjoProblem.Of(400, "Invalid request", error, requestId, campaignId).ToResult();
        }
        // The requestId is the call's idempotency key unless the caller sent its own.
        caller = caller with
        {
            IdempotencyKey = caller.IdempotencyKey ?? $"ajo:{request!.RequestId![..Math.Min(request.RequestId!.Length, SendLimits.MaxIdempotencyKeyLength - 4)]}",
            RequestHash = body.Hash,
        };
        var answer = await SendAnswers.RunAsync(() => sends.TriggerAsync(request!, caller, ct));
        if (!answer.Accepted)
        {
            var title = answer.StatusCode == 422 ? "Request ID reused" : answer.Message;
            return AjoProblem.Of(answer.StatusCode, title, answer.Errors is { Count: > 0 } e ? string.Join(" ", e) : answer.Message, requestId, campaignId).ToResult();
        }
        var createdAt = CreatedAt(answer.DispatchId!).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var createdBy = $"api-key:{caller.ApiKeyId}";
        return TypedResults.Json(new Dictionary<string, object?>
        {
            ["executionId"] = answer.DispatchId,
            ["requestId"] = request!.RequestId,
            ["createdAt"] = createdAt,
            ["createdBy"] = createdBy,
            ["modifiedAt"] = createdAt,
            ["modifiedBy"] = createdBy,
            ["message"] = SendAnswer.Success,
            ["errors"] = answer.Errors,
        }, ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>The dispatch ID is a version 7 UUID: its first 48 bits are the Unix time in milliseconds it was made.</summary>
    private static DateTime CreatedAt(string dispatchId) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(dispatchId[..12], NumberStyles.HexNumber, CultureInfo.InvariantCulture)).UtcDateTime;
}
