namespace BrazeLite.Core.ApiKeys;

/// <summary>What a request's key turned out to be.</summary>
public enum ApiKeyCheckOutcome
{
    Valid,

    /// <summary>No key has this secret, or its key was revoked (the caller is not told which).</summary>
    Unknown,

    /// <summary>The key exists but does not accept requests from the client's address.</summary>
    AddressNotAllowed,
}

/// <summary>The outcome of checking a request's secret, with the key when there is one.</summary>
public sealed record ApiKeyCheck(ApiKeyCheckOutcome Outcome, ApiKey? Key = null);
