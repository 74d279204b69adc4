using Dashboard.Campaigns;

namespace Dashboard.Tests.Campaigns.Editor;

/// <summary>A hand-written stand-in for the campaign service: records what the editor sends and answers as told.</summary>
internal sealed class FakeCampaignService : ICampaignService
{
    public HashSet<string> TakenNames { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<CampaignForm> Saved { get; } = [];
    public List<(string CampaignId, CampaignAction Action, Guid Version)> StatusChanges { get; } = [];
    public Dictionary<string, CampaignForm> Stored { get; } = [];

    /// <summary>When set, the next saves answer this instead of succeeding.</summary>
    public Func<CampaignForm, SaveResult>? SaveAnswer { get; set; }

    /// <summary>When set, lifecycle actions answer this instead of succeeding.</summary>
    public SaveResult? StatusAnswer { get; set; }

    /// <summary>Holds every save until released, to see the editor while it saves.</summary>
    public TaskCompletionSource? SaveGate { get; set; }

    public Task<CampaignPage> ListAsync(CampaignQuery query, CancellationToken ct = default) =>
        Task.FromResult(new CampaignPage([], 0));

    public Task<bool> IsNameTakenAsync(string name, string? exceptCampaignId, CancellationToken ct = default) =>
        Task.FromResult(TakenNames.Contains(name.Trim()));

    public Task<CampaignForm?> GetFormAsync(string campaignId, CancellationToken ct = default) =>
        Task.FromResult(Stored.GetValueOrDefault(campaignId));

    public async Task<SaveResult> SaveAsync(CampaignForm form, CancellationToken ct = default)
    {
        Saved.Add(form);
        if (SaveGate is not null)
        {
            await SaveGate.Task;
        }
        return SaveAnswer?.Invoke(form) ?? SaveResult.Saved(form.CampaignId ?? Ids.NewId(), Guid.NewGuid());
    }

    public Task<SaveResult> ChangeStatusAsync(string campaignId, CampaignAction action, Guid expectedVersion, CancellationToken ct = default)
    {
        StatusChanges.Add((campaignId, action, expectedVersion));
        return Task.FromResult(StatusAnswer ?? SaveResult.Saved(campaignId, Guid.NewGuid()));
    }

    public Task<SaveResult> DuplicateAsync(string campaignId, CancellationToken ct = default) =>
        Task.FromResult(SaveResult.NotFound());

    public Task<SaveResult> DeleteAsync(string campaignId, Guid expectedVersion, CancellationToken ct = default) =>
        Task.FromResult(SaveResult.NotFound());
}
