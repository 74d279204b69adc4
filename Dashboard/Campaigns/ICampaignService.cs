namespace Dashboard.Campaigns;

/// <summary>Everything the campaign pages do with stored campaigns. Components call this, never a DbContext.</summary>
public interface ICampaignService
{
    /// <summary>One page of the campaign list; searching, filtering, sorting and paging run in the database.</summary>
    Task<CampaignPage> ListAsync(CampaignQuery query, CancellationToken ct = default);

    /// <summary>Whether another campaign already has this name (case-insensitive, trimmed).</summary>
    Task<bool> IsNameTakenAsync(string name, string? exceptCampaignId, CancellationToken ct = default);

    /// <summary>The campaign as its editor binds it (with its current <see cref="CampaignForm.Version"/>), or null.</summary>
    Task<CampaignForm?> GetFormAsync(string campaignId, CancellationToken ct = default);

    /// <summary>
    /// Creates (when <see cref="CampaignForm.CampaignId"/> is null) or updates a campaign after validating it.
    /// Keeps the form's status; launching goes through <see cref="ChangeStatusAsync"/>.
    /// An update whose <see cref="CampaignForm.Version"/> is stale is refused as a conflict.
    /// </summary>
    Task<SaveResult> SaveAsync(CampaignForm form, CancellationToken ct = default);

    /// <summary>Applies a lifecycle action if it applies to the campaign's current status (Launch validates the campaign first).</summary>
    Task<SaveResult> ChangeStatusAsync(string campaignId, CampaignAction action, Guid expectedVersion, CancellationToken ct = default);

    /// <summary>Copies a campaign as a Draft named "... (copy)", with new campaign and variation IDs.</summary>
    Task<SaveResult> DuplicateAsync(string campaignId, CancellationToken ct = default);

    /// <summary>Deletes a Draft campaign; any other status is refused.</summary>
    Task<SaveResult> DeleteAsync(string campaignId, Guid expectedVersion, CancellationToken ct = default);
}

public enum CampaignSort
{
    LastEditedDesc,
    LastEditedAsc,
    NameAsc,
    NameDesc,
    StatusAsc,
    TypeAsc,
}

/// <summary>
/// A list query. <see cref="Search"/> matches a name (case-insensitive, substring) or a campaign ID (prefix).
/// <see cref="Page"/> is zero-based.
/// </summary>
public sealed record CampaignQuery(
    string? Search = null,
    CampaignType? Type = null,
    CampaignStatus? Status = null,
    CampaignSort Sort = CampaignSort.LastEditedDesc,
    int Page = 0,
    int PageSize = 25);

public sealed record CampaignListItem(
    string CampaignId,
    string Name,
    CampaignType Type,
    CampaignStatus Status,
    IReadOnlyList<Channel> Channels,
    DateTimeOffset LastEdited,
    Guid Version);

public sealed record CampaignPage(IReadOnlyList<CampaignListItem> Items, int TotalCount);

/// <summary>Field path (as <see cref="CampaignValidator"/> names it) to its messages.</summary>
public sealed class ValidationErrors : Dictionary<string, List<string>>
{
    public void Add(string field, string message)
    {
        if (!TryGetValue(field, out var list))
        {
            this[field] = list = [];
        }
        list.Add(message);
    }

    public string? For(string field) => TryGetValue(field, out var list) ? string.Join(" ", list) : null;
}

public enum SaveOutcome
{
    Saved,
    Invalid,
    Conflict,
    NotFound,
    NotAllowed,
}

/// <summary>The result of a write. Expected failures come back here, never as exceptions.</summary>
public sealed record SaveResult(SaveOutcome Outcome, string? CampaignId = null, Guid? Version = null,
    ValidationErrors? Errors = null, string? Message = null)
{
    public bool Succeeded => Outcome == SaveOutcome.Saved;

    public static SaveResult Saved(string campaignId, Guid version) => new(SaveOutcome.Saved, campaignId, version);
    public static SaveResult Invalid(ValidationErrors errors) =>
        new(SaveOutcome.Invalid, Errors: errors, Message: "Fix the highlighted fields before saving.");
    public static SaveResult Conflict() =>
        new(SaveOutcome.Conflict, Message: "This campaign was changed by someone else meanwhile: reload it to see their changes.");
    public static SaveResult NotFound() => new(SaveOutcome.NotFound, Message: "No campaign has that ID.");
    public static SaveResult NotAllowed(string message) => new(SaveOutcome.NotAllowed, Message: message);
}
