using BrazeLite.Core.Ingest.Storage;

namespace BrazeLite.Core.Ingest;

/// <summary>
/// <c>Idempotency-Key</c>: a retried request with the same key and body gets the first answer and writes nothing; the
/// same key with another body is refused with 422. Decided inside the writer, so two concurrent retries cannot both write.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";

    /// <summary>The stored answer to replay, a 422 for a reused key, or null when the request is new.</summary>
    public static SendAnswer? Replay(IIngestStore store, SendCaller caller)
    {
        if (caller.IdempotencyKey is not { } key || store.FindAnswer(caller.ApiKeyId, key) is not { } stored)
        {
            return null;
        }
        return stored.RequestHash == caller.RequestHash
            ? SendAnswer.FromJson(stored.StatusCode, stored.Response)
            : new SendAnswer(422, "Idempotency Key Reused",
                Errors: [$"The Idempotency-Key \"{key}\" was first used {stored.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC with a different request; use a new key for a new request."]);
    }

    public static void Remember(IIngestStore store, SendCaller caller, SendAnswer answer, DateTimeOffset now)
    {
        if (caller.IdempotencyKey is not { } key)
        {
            return;
        }
        store.SaveAnswer(new IdempotencyKeyEntity
        {
            ApiKeyId = caller.ApiKeyId,
            Key = key,
            RequestHash = caller.RequestHash ?? "",
            StatusCode = answer.StatusCode,
            Response = answer.ToJson(),
            CreatedAt = now,
        });
    }
}
