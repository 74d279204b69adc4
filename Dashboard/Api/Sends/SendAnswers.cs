using BrazeLite.Core.ApiKeys;
using BrazeLite.Core.Ingest;
using System.Text.Json.Nodes;
using Dashboard.Api.Authentication;

namespace Dashboard.Api.Sends;

/// <summary>Between the send path's answers and HTTP.</summary>
public static class SendAnswers
{
    /// <summary>The answer as JSON written in one piece with its <c>Content-Length</c>: a few hundred bytes, never worth chunking.</summary>
    public static IResult ToResult(SendAnswer answer) => new JsonBytes(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(answer, ApiJson.Options), answer.StatusCode);

    private sealed class JsonBytes(byte[] body, int statusCode) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
    {
        public int? StatusCode => statusCode;

        public string ContentType => "application/json; charset=utf-8";

        public Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            response.StatusCode = statusCode;
            response.ContentType = ContentType;
            response.ContentLength = body.Length;
            return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
        }
    }

    /// <summary>
    /// A Braze send endpoint from body to answer: reads the JSON body, checks it with <paramref name="read"/> (a refusal
    /// is recorded in the activity log and writes nothing else), then submits it and answers once it is committed.
    /// </summary>
    public static async Task<IResult> HandleAsync<TRequest>(HttpContext context, SendService sends, string endpoint,
        Func<JsonObject, (TRequest? Request, SendAnswer? Error)> read, Func<TRequest, SendCaller, Task<SendAnswer>> submit, CancellationToken ct,
        Func<TRequest, bool>? isBroadcast = null)
        where TRequest : class
    {
        var caller = SendCallers.From(context);
        var (body, bodyError, status) = await JsonBody.ReadAsync(context.Request, ct, hash: caller.IdempotencyKey is not null);
        if (body is null)
        {
            var refused = new SendAnswer(status, bodyError!.Message, Errors: bodyError.Errors);
            sends.Record(endpoint, refused, caller, null);
            return ToResult(refused);
        }
        caller = caller with { RequestHash = body.Hash };
        var (request, error) = read(body.Root);
        if (error is not null)
        {
            sends.Record(endpoint, error, caller, body.Root["campaign_id"]?.ToString());
            return ToResult(error);
        }
        if (isBroadcast?.Invoke(request!) == true && !RateLimiting.ApiRateLimits.TryAcquireBroadcast(context))
        {
            var limited = new SendAnswer(StatusCodes.Status429TooManyRequests, BrazeError.RateLimited,
                Errors: ["This API key started more broadcasts than its limit allows in this window; try again after X-RateLimit-Reset."]);
            sends.Record(endpoint, limited, caller, body.Root["campaign_id"]?.ToString());
            return ToResult(limited);
        }
        return ToResult(await RunAsync(() => submit(request!, caller)));
    }

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
        var keyId = ApiKeyAuthentication.KeyIdOf(context) ?? "";
        var idempotency = context.Request.Headers[Idempotency.Header].ToString().Trim();
        return new SendCaller(keyId, idempotency.Length == 0 ? null : idempotency[..Math.Min(idempotency.Length, SendLimits.MaxIdempotencyKeyLength)]);
    }
}
