using BrazeLite.Core.Campaigns;

namespace BrazeLite.Core.ApiKeys;

/// <summary>The result of a key write. <see cref="Secret"/> is set once, when a key is created, and never again.</summary>
public sealed record ApiKeyWriteResult(WriteOutcome Outcome, ApiKey? Key = null, string? Secret = null,
    ValidationErrors? Errors = null, string? Message = null)
{
    public bool Succeeded => Outcome == WriteOutcome.Done;

    public static ApiKeyWriteResult Done(ApiKey key, string? secret = null) => new(WriteOutcome.Done, key, secret);

    public static ApiKeyWriteResult Invalid(ValidationErrors errors) =>
        new(WriteOutcome.Invalid, Errors: errors, Message: "Fix the highlighted fields before saving.");

    public static ApiKeyWriteResult Conflict() =>
        new(WriteOutcome.Conflict, Message: "This key was changed by someone else meanwhile: reload the page to see their changes.");

    public static ApiKeyWriteResult NotFound() => new(WriteOutcome.NotFound, Message: "No API key has that ID.");

    public static ApiKeyWriteResult NotAllowed(string message) => new(WriteOutcome.NotAllowed, Message: message);
}
