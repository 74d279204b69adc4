namespace BrazeLite.Core.Ingest;

/// <summary>Who sent a request, and the idempotency key it carried with the hash of its method, path and body.</summary>
public sealed record SendCaller(string ApiKeyId, string? IdempotencyKey = null, string? RequestHash = null);
