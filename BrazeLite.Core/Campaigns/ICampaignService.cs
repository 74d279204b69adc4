namespace BrazeLite.Core.Campaigns;

/// <summary>Everything the dashboard and the API do with stored campaigns. Components call this, never a DbContext.</summary>
public interface ICampaignService
{
    /// <summary>One page of the campaign list; searching, filtering, sorting and paging run in the database.</summary>
    Task<CampaignPage> ListAsync(CampaignQuery query, CancellationToken ct = default);

    /// <summary>Every tag in use, each once (as first written), in alphabetical order: the list's tag filter offers these.</summary>
    Task<IReadOnlyList<string>> TagsAsync(CancellationToken ct = default);

    /// <summary>Whether another campaign already has this name (case-insensitive, trimmed).</summary>
    Task<bool> IsNameTakenAsync(string name, string? exceptCampaignId, CancellationToken ct = default);

    /// <summary>The campaign as everything that only reads it sees it, or null.</summary>
    Task<Campaign?> GetAsync(string campaignId, CancellationToken ct = default);

    /// <summary>The campaign as its editor binds it (with its current <see cref="CampaignForm.Version"/>), or null.</summary>
    Task<CampaignForm?> GetFormAsync(string campaignId, CancellationToken ct = default);

    /// <summary>
    /// Creates (when <see cref="CampaignForm.CampaignId"/> is null) or updates a campaign after validating it; a campaign
    /// that has run must stay complete and its templates must parse. Keeps the form's status: launching goes through
    /// <see cref="ChangeStatusAsync"/>. An update whose <see cref="CampaignForm.Version"/> is stale is refused as a conflict.
    /// </summary>
    Task<WriteResult> SaveAsync(CampaignForm form, CancellationToken ct = default);

    /// <summary>
    /// Applies a lifecycle action if it applies to the campaign's current status. Launch validates the campaign first,
    /// templates included, so nothing that does not render goes live.
    /// </summary>
    Task<WriteResult> ChangeStatusAsync(string campaignId, CampaignAction action, Guid expectedVersion, CancellationToken ct = default);

    /// <summary>Copies a campaign as a Draft named "... (copy)", with new campaign and variation IDs.</summary>
    Task<WriteResult> DuplicateAsync(string campaignId, CancellationToken ct = default);

    /// <summary>Deletes a Draft campaign; any other status is refused.</summary>
    Task<WriteResult> DeleteAsync(string campaignId, Guid expectedVersion, CancellationToken ct = default);
}
