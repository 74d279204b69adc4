using BrazeLite.Core.ApiKeys;
using BrazeLite.Core.Ingest;
using Dashboard.Api.Authentication;

namespace Dashboard.Api.Sends;

/// <summary>Between the send path's answers and HTTP.</summary>
public static class SendAnswers
{
    public static IResult ToResult(SendAnswer answer) => Results.Json(answer, ApiJson.Options, statusCode: answer.StatusCode);

    /// <summary>Runs a submission, turning the writer's failures into Braze's 5xx answers.</summary>
    public static async Task<SendAnswer> RunAsync(Func<Task<SendAnswer>> submit)
    {
        try
        {
            return await submit();
        }
        catch (IngestUnavailableException e)
        {
            return new SendAnswer(StatusCodes.Status503ServiceUnavailable, "Service Unavailable", Errors: [e.Message]);
        }
        catch (IngestFailedException e)
        {
            return new SendAnswer(StatusCodes.Status500InternalServerError, BrazeError.InternalServerError, Errors: [e.Message]);
        }
    }
}

/// <summary>The caller of a send request: the key the authentication found and the request's <c>Idempotency-Key</c>.</summary>
public static class SendCallers
{
    public static SendCaller From(HttpContext context)
    {
        var keyId = context.User.FindFirst(ApiKeyAuthentication.KeyIdClaim)?.Value ?? "";
        var idempotency = context.Request.Headers[Idempotency.Header].ToString().Trim();
        return new SendCaller(keyId, idempotency.Length == 0 ? null : idempotency[..Math.Min(idempotency.Length, SendLimits.MaxIdempotencyKeyLength)]);
    }
}
