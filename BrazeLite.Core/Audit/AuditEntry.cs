namespace BrazeLite.Core.Audit;

/// <summary>One recorded change: who, when, what, and each field's value before and after.</summary>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    string? ActorId,
    string ActorName,
    AuditArea Area,
    string Action,
    string SubjectId,
    string SubjectName,
    string? CampaignId,
    IReadOnlyList<FieldChange> Changes,
    string? Comment);

/// <summary>A field that changed; null stands for "not set".</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>What kind of thing changed, for the audit page's filter.</summary>
public enum AuditArea
{
    Campaign,
    Sample,
    ApiKey,
    Account,
    Approval,
    Workspace,
}

/// <summary>The audit page's filters; every one is optional.</summary>
public sealed record AuditQuery(
    AuditArea? Area = null,
    string? ActorId = null,
    string? CampaignId = null,
    string? Search = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Page = 1,
    int PageSize = 50);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int PageSize);
