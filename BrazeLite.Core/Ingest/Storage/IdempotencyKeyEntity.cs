namespace BrazeLite.Core.Ingest.Storage;

/// <summary>The first answer to a request with an <c>Idempotency-Key</c>, per API key, so a retry gets it again.</summary>
public sealed class IdempotencyKeyEntity
{
    public string ApiKeyId { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>SHA-256 of the method, path and body: the same key with another body is refused.</summary>
    public string RequestHash { get; set; } = "";

    public int StatusCode { get; set; }

    public string Response { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
