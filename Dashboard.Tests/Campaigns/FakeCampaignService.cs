using Dashboard.Campaigns;

namespace Dashboard.Tests.Campaigns;

/// <summary>An in-memory campaign store that records what the pages ask of it.</summary>
internal sealed class FakeCampaignService : ICampaignService
{
    private readonly Dictionary<string, (CampaignForm Form, DateTimeOffset Edited)> _campaigns = [];

    public List<CampaignQuery> Queries { get; } = [];
    public List<(string Id, CampaignAction Action)> StatusChanges { get; } = [];
    public List<string> Deleted { get; } = [];

    /// <summary>When set, the next write returns this instead of succeeding.</summary>
    public SaveResult? NextRefusal { get; set; }

    public CampaignQuery? LastQuery => Queries.Count == 0 ? null : Queries[^1];

    /// <summary>When set, list calls wait for it (or for their cancellation), like a slow database.</summary>
    public TaskCompletionSource? ListGate { get; set; }

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
                || c.Form.CampaignId!.StartsWith(query.Search, StringComparison.Ordinal))
            .Where(c => query.Type is null || c.Form.Type == query.Type)
            .Where(c => query.Status is null || c.Form.Status == query.Status)
            .Select(c => new CampaignListItem(c.Form.CampaignId!, c.Form.Name, c.Form.Type, c.Form.Status,
                c.Form.Channels.Select(ch => ch.Channel).ToList(), c.Edited, c.Form.Version!.Value))
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

    public Task<bool> IsNameTakenAsync(string name, string? exceptCampaignId, CancellationToken ct = default) =>
        Task.FromResult(_campaigns.Values.Any(c => c.Form.CampaignId != exceptCampaignId
            && string.Equals(c.Form.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)));

    public Task<CampaignForm?> GetFormAsync(string campaignId, CancellationToken ct = default) =>
        Task.FromResult(_campaigns.TryGetValue(campaignId, out var c) ? Snapshot(c.Form) : null);

    // Like a database read: later changes to the stored campaign do not reach a page that already loaded it.
    private static CampaignForm Snapshot(CampaignForm f) => new()
    {
        CampaignId = f.CampaignId, Version = f.Version, Type = f.Type, Status = f.Status, Name = f.Name,
        Description = f.Description, Tags = [.. f.Tags], MessageType = f.MessageType, Channels = [.. f.Channels],
        Variants = [.. f.Variants], HasControlGroup = f.HasControlGroup, ControlPercentage = f.ControlPercentage,
        ControlVariationId = f.ControlVariationId, ReeligibilityEnabled = f.ReeligibilityEnabled,
        ReeligibilityAmount = f.ReeligibilityAmount, ReeligibilityUnit = f.ReeligibilityUnit,
        ConversionEvents = [.. f.ConversionEvents],
    };

    public Task<SaveResult> SaveAsync(CampaignForm form, CancellationToken ct = default) =>
        Task.FromResult(Refusal() ?? SaveResult.Saved(Add(form).CampaignId!, form.Version!.Value));

    public Task<SaveResult> ChangeStatusAsync(string campaignId, CampaignAction action, Guid expectedVersion, CancellationToken ct = default)
    {
        StatusChanges.Add((campaignId, action));
        if (Refusal() is { } refusal)
        {
            return Task.FromResult(refusal);
        }
        var form = _campaigns[campaignId].Form;
        if (form.Version != expectedVersion)
        {
            return Task.FromResult(SaveResult.Conflict());
        }
        form.Status = CampaignLifecycle.Target(action, everLaunched: true);
        form.Version = Guid.NewGuid();
        return Task.FromResult(SaveResult.Saved(campaignId, form.Version.Value));
    }

    public Task<SaveResult> DuplicateAsync(string campaignId, CancellationToken ct = default)
    {
        if (Refusal() is { } refusal)
        {
            return Task.FromResult(refusal);
        }
        var source = _campaigns[campaignId].Form;
        var copy = Add(new CampaignForm { Type = source.Type, Name = source.Name + " (copy)" });
        return Task.FromResult(SaveResult.Saved(copy.CampaignId!, copy.Version!.Value));
    }

    public Task<SaveResult> DeleteAsync(string campaignId, Guid expectedVersion, CancellationToken ct = default)
    {
        if (Refusal() is { } refusal)
        {
            return Task.FromResult(refusal);
        }
        Deleted.Add(campaignId);
        _campaigns.Remove(campaignId);
        return Task.FromResult(SaveResult.Saved(campaignId, expectedVersion));
    }

    private SaveResult? Refusal()
    {
        var refusal = NextRefusal;
        NextRefusal = null;
        return refusal;
    }
}

/// <summary>Campaigns whose wording the page tests check word for word.</summary>
internal static class PageSamples
{
    public static CampaignForm Api(string name = "Order receipts", CampaignStatus status = CampaignStatus.Draft) => new()
    {
        Type = CampaignType.Api,
        Name = name,
        Status = status,
        Description = "Receipts sent by the order service.",
        Tags = ["orders", "receipts"],
        Channels =
        [
            new ChannelForm { Channel = Channel.Email, MessageVariationId = Ids.NewId() },
            new ChannelForm { Channel = Channel.Sms, MessageVariationId = Ids.NewId() },
        ],
        ConversionEvents =
        [
            new ConversionEventForm { Type = ConversionEventType.MakesPurchase, DeadlineAmount = 3, DeadlineUnit = DeadlineUnit.Days },
            new ConversionEventForm { Type = ConversionEventType.OpensEmail, DeadlineAmount = 12, DeadlineUnit = DeadlineUnit.Hours },
        ],
    };

    public static CampaignForm Triggered(string name = "Cart reminder", CampaignStatus status = CampaignStatus.Draft) => new()
    {
        Type = CampaignType.ApiTriggered,
        Name = name,
        Status = status,
        MessageType = MessageType.Marketing,
        Channels = [new ChannelForm { Channel = Channel.Email }],
        Variants =
        [
            Variant("Variant 1", 45, "Your {{api_trigger_properties.${product_name}}} is waiting"),
            Variant("Variant 2", 45, "Still thinking about {{api_trigger_properties.${product_name}}}? {{api_trigger_properties.${discount}}} off"),
        ],
        HasControlGroup = true,
        ControlPercentage = 10,
        ControlVariationId = Ids.NewId(),
        ReeligibilityEnabled = true,
        ReeligibilityAmount = 2,
        ReeligibilityUnit = ReeligibilityUnit.Weeks,
        ConversionEvents =
        [
            new ConversionEventForm { Type = ConversionEventType.PerformsCustomEvent, EventName = "checkout_completed", DeadlineAmount = 2, DeadlineUnit = DeadlineUnit.Days },
        ],
    };

    private static VariantForm Variant(string name, int percentage, string subject) => new()
    {
        Name = name,
        VariationId = Ids.NewId(),
        Percentage = percentage,
        Messages =
        [
            new MessageContentForm
            {
                Channel = Channel.Email,
                From = "Shop <shop@example.com>",
                Subject = subject,
                HtmlBody = "<p>Hi {{${first_name}}}, your cart holds {{api_trigger_properties.${item_count}}} items.</p>",
            },
        ],
    };
}
