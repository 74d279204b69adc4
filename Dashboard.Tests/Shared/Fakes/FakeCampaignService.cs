namespace Dashboard.Tests.Shared.Fakes;

/// <summary>An in-memory campaign store that records what the pages and the editor ask of it, and answers as told.</summary>
internal sealed class FakeCampaignService : ICampaignService
{
    private readonly Dictionary<string, (CampaignForm Form, DateTimeOffset Edited)> _campaigns = [];

    public List<CampaignQuery> Queries { get; } = [];
    public List<(string CampaignId, CampaignAction Action, Guid Version)> StatusChanges { get; } = [];
    public List<string> Deleted { get; } = [];
    public List<CampaignForm> Saved { get; } = [];
    public HashSet<string> TakenNames { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When set, the next write returns this instead of succeeding.</summary>
    public WriteResult? NextRefusal { get; set; }

    /// <summary>When set, saves answer this instead of succeeding.</summary>
    public Func<CampaignForm, WriteResult>? SaveAnswer { get; set; }

    /// <summary>When set, lifecycle actions answer this instead of succeeding.</summary>
    public WriteResult? StatusAnswer { get; set; }

    /// <summary>Holds every save until released, to see the editor while it saves.</summary>
    public TaskCompletionSource? SaveGate { get; set; }

    /// <summary>When set, list calls wait for it (or for their cancellation), like a slow database.</summary>
    public TaskCompletionSource? ListGate { get; set; }

    public CampaignQuery? LastQuery => Queries.Count == 0 ? null : Queries[^1];

    /// <summary>Stores the form as a saved campaign (minting its ID and version when missing) and returns it.</summary>
    public CampaignForm Add(CampaignForm form, DateTimeOffset? edited = null)
    {
        form.CampaignId ??= Ids.NewId();
        form.Version ??= Guid.NewGuid();
        _campaigns[form.CampaignId] = (form, edited ?? DateTimeOffset.UtcNow);
        return form;
    }

    public async Task<CampaignPage> ListAsync(CampaignQuery query, CancellationToken ct = default)
    {
        Queries.Add(query);
        if (ListGate is { } gate)
        {
            await gate.Task.WaitAsync(ct);
        }
        var items = _campaigns.Values
            .Where(c => query.Search is null
                || c.Form.Name.Contains(query.Search, StringComparison.OrdinalIgnoreCase)
                || c.Form.Tags.Any(t => t.Contains(query.Search, StringComparison.OrdinalIgnoreCase))
                || c.Form.CampaignId!.StartsWith(query.Search, StringComparison.Ordinal))
            .Where(c => query.Tag is null || c.Form.Tags.Contains(query.Tag, StringComparer.OrdinalIgnoreCase))
            .Where(c => query.Type is null || c.Form.Type == query.Type)
            .Where(c => query.Status is null ? query.IncludeArchived || c.Form.Status != CampaignStatus.Archived : c.Form.Status == query.Status)
            .Select(c => new CampaignListItem(c.Form.CampaignId!, c.Form.Name, c.Form.Type, c.Form.Status,
                c.Form.Channels.Select(ch => ch.Channel).ToList(), c.Edited, c.Form.Version!.Value) { Tags = [.. c.Form.Tags] })
            .ToList();
        IEnumerable<CampaignListItem> sorted = query.Sort switch
        {
            CampaignSort.NameAsc => items.OrderBy(i => i.Name),
            CampaignSort.NameDesc => items.OrderByDescending(i => i.Name),
            CampaignSort.LastEditedAsc => items.OrderBy(i => i.LastEdited),
            _ => items.OrderByDescending(i => i.LastEdited),
        };
        var page = sorted.Skip(query.Page * query.PageSize).Take(query.PageSize).ToList();
        return new CampaignPage(page, items.Count);
    }

    public Task<IReadOnlyList<string>> TagsAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<string>>(_campaigns.Values.SelectMany(c => c.Form.Tags)
            .DistinctBy(t => t, StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList());

    public Task<bool> IsNameTakenAsync(string name, string? exceptCampaignId, CancellationToken ct = default) =>
        Task.FromResult(TakenNames.Contains(name.Trim()) || _campaigns.Values.Any(c => c.Form.CampaignId != exceptCampaignId
            && string.Equals(c.Form.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)));

    // Like a database read: later changes to the stored campaign do not reach a page that already loaded it.
    public Task<Campaign?> GetAsync(string campaignId, CancellationToken ct = default) =>
        Task.FromResult(_campaigns.TryGetValue(campaignId, out var c) ? CampaignForms.ToCampaign(c.Form) : null);

    public async Task<CampaignForm?> GetFormAsync(string campaignId, CancellationToken ct = default) =>
        await GetAsync(campaignId, ct) is { } campaign ? CampaignForms.ToForm(campaign) : null;

    public async Task<WriteResult> SaveAsync(CampaignForm form, CancellationToken ct = default)
    {
        Saved.Add(form);
        if (SaveGate is not null)
        {
            await SaveGate.Task;
        }
        if (Refusal() is { } refusal)
        {
            return refusal;
        }
        if (SaveAnswer?.Invoke(form) is { } answer)
        {
            return answer;
        }
        var stored = CampaignForms.ToForm(CampaignForms.ToCampaign(form, form.CampaignId ?? Ids.NewId(), Guid.NewGuid()));
        Add(stored);
        return WriteResult.Done(stored.CampaignId!, stored.Version!.Value);
    }

    public Task<WriteResult> ChangeStatusAsync(string campaignId, CampaignAction action, Guid expectedVersion, CancellationToken ct = default)
    {
        StatusChanges.Add((campaignId, action, expectedVersion));
        if ((StatusAnswer ?? Refusal()) is { } answer)
        {
            return Task.FromResult(answer);
        }
        if (!_campaigns.TryGetValue(campaignId, out var stored))
        {
            return Task.FromResult(WriteResult.Done(campaignId, Guid.NewGuid()));
        }
        var form = stored.Form;
        if (form.Version != expectedVersion)
        {
            return Task.FromResult(WriteResult.Conflict());
        }
        form.Status = CampaignLifecycle.Target(action, everLaunched: true);
        form.Version = Guid.NewGuid();
        return Task.FromResult(WriteResult.Done(campaignId, form.Version.Value));
    }

    public Task<WriteResult> DuplicateAsync(string campaignId, CancellationToken ct = default)
    {
        if (Refusal() is { } refusal)
        {
            return Task.FromResult(refusal);
        }
        if (!_campaigns.TryGetValue(campaignId, out var stored))
        {
            return Task.FromResult(WriteResult.NotFound());
        }
        var copy = Add(new CampaignForm { Type = stored.Form.Type, Name = stored.Form.Name + " (copy)" });
        return Task.FromResult(WriteResult.Done(copy.CampaignId!, copy.Version!.Value));
    }

    public Task<WriteResult> DeleteAsync(string campaignId, Guid expectedVersion, CancellationToken ct = default)
    {
        if (Refusal() is { } refusal)
        {
            return Task.FromResult(refusal);
        }
        if (!_campaigns.Remove(campaignId))
        {
            return Task.FromResult(WriteResult.NotFound());
        }
        Deleted.Add(campaignId);
        return Task.FromResult(WriteResult.Done(campaignId, expectedVersion));
    }

    private WriteResult? Refusal()
    {
        var refusal = NextRefusal;
        NextRefusal = null;
        return refusal;
    }
}
