namespace BrazeLite.Core.Campaigns;

/// <summary>The result of a campaign write (save, lifecycle action, duplicate, delete).</summary>
public sealed record WriteResult(WriteOutcome Outcome, string? CampaignId = null, Guid? Version = null,
    ValidationErrors? Errors = null, string? Message = null)
{
    public bool Succeeded => Outcome == WriteOutcome.Done;

    public static WriteResult Done(string campaignId, Guid version) => new(WriteOutcome.Done, campaignId, version);

    public static WriteResult Invalid(ValidationErrors errors) =>
        new(WriteOutcome.Invalid, Errors: errors, Message: "Fix the highlighted fields before saving.");

    public static WriteResult Conflict() =>
        new(WriteOutcome.Conflict, Message: "This campaign was changed by someone else meanwhile: reload it to see their changes.");

    public static WriteResult NotFound() => new(WriteOutcome.NotFound, Message: "No campaign has that ID.");

    public static WriteResult NotAllowed(string message) => new(WriteOutcome.NotAllowed, Message: message);
}
