namespace BrazeLite.Core.Campaigns;

/// <summary>
/// The one mapper between the editor's write model (<see cref="CampaignForm"/>) and the read model
/// (<see cref="Campaign"/>). Going to the read model normalises as storing does: names and addresses trimmed, blank
/// fields dropped, only what the campaign type uses and only the copy of channels the campaign has.
/// </summary>
public static class CampaignForms
{
    public static string NormalizeName(string name) => name.Trim().ToLowerInvariant();

    /// <summary>The campaign as the editor binds it.</summary>
    public static CampaignForm ToForm(Campaign c) => new()
    {
        CampaignId = c.CampaignId,
        Version = c.Version,
        Type = c.Type,
        Status = c.Status,
        Name = c.Name,
        Description = c.Description,
        Tags = [.. c.Tags],
        MessageType = c.MessageType,
        Channels = c.Type == CampaignType.Api
            ? c.ApiChannels.Select(a => new ChannelForm { Channel = a.Channel, MessageVariationId = a.MessageVariationId }).ToList()
            : c.Channels.Select(ch => new ChannelForm { Channel = ch }).ToList(),
        Variants = c.Variants.Select(v => new VariantForm
        {
            Name = v.Name,
            Percentage = v.Percentage,
            Messages = v.Messages.Select(ToForm).ToList(),
        }).ToList(),
        HasControlGroup = c.Control is not null,
        ControlPercentage = c.Control?.Percentage ?? 0,
        ControlVariationId = c.Control?.VariationId,
        ReeligibilityEnabled = c.Reeligibility.Enabled,
        ReeligibilityAmount = c.Reeligibility.Amount,
        ReeligibilityUnit = c.Reeligibility.Unit,
        StartsAt = c.StartsAt,
        EndsAt = c.EndsAt,
        CreateNewProfiles = c.CreateNewProfiles,
        ThrottlePerSecond = c.ThrottlePerSecond,
        ConversionEvents = c.ConversionEvents.Select(e => new ConversionEventForm
        {
            Type = e.Type,
            AppIds = [.. e.AppIds],
            ProductName = e.ProductName,
            EventName = e.EventName,
            DeadlineAmount = e.DeadlineAmount,
            DeadlineUnit = e.DeadlineUnit,
        }).ToList(),
    };

    /// <summary>
    /// The form as the campaign it would store; <paramref name="campaignId"/> and <paramref name="version"/> stand in for a
    /// campaign not saved yet.
    /// </summary>
    public static Campaign ToCampaign(CampaignForm form, string? campaignId = null, Guid? version = null)
    {
        var triggered = form.Type == CampaignType.ApiTriggered;
        var channels = form.Channels.Select(c => c.Channel).Distinct().ToList();
        var control = triggered && form.HasControlGroup && form.ControlVariationId is { } controlId
            ? new ControlGroup(controlId, form.ControlPercentage)
            : null;
        var reeligible = triggered && form.ReeligibilityEnabled;
        return new Campaign
        {
            CampaignId = campaignId ?? form.CampaignId ?? "",
            Version = version ?? form.Version ?? Guid.Empty,
            Type = form.Type,
            Status = form.Status,
            Name = form.Name.Trim(),
            Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim(),
            Tags = form.Tags.Select(t => t.Trim()).ToList(),
            MessageType = triggered ? form.MessageType : MessageType.Marketing,
            Channels = channels,
            Variants = triggered
                ? form.Variants.Select((v, i) => new CampaignVariant(i, v.Name.Trim(), v.Percentage,
                    channels.Select(ch => v.Messages.FirstOrDefault(m => m.Channel == ch)).OfType<MessageContentForm>().Select(ToMessage).ToList())).ToList()
                : [],
            Control = control,
            ApiChannels = triggered
                ? []
                : form.Channels.Where(c => c.MessageVariationId is not null).Select(c => new ApiChannel(c.Channel, c.MessageVariationId!)).ToList(),
            Reeligibility = reeligible ? new Reeligibility(true, form.ReeligibilityAmount, form.ReeligibilityUnit) : Reeligibility.Once with { Unit = form.ReeligibilityUnit },
            StartsAt = triggered ? form.StartsAt : null,
            EndsAt = triggered ? form.EndsAt : null,
            CreateNewProfiles = !triggered || form.MessageType == MessageType.Marketing || form.CreateNewProfiles,
            ThrottlePerSecond = triggered ? form.ThrottlePerSecond : null,
            ConversionEvents = form.ConversionEvents.Select(e => new ConversionEvent(
                e.Type,
                e.Type == ConversionEventType.StartsSession ? e.AppIds.Select(a => a.Trim()).ToList() : [],
                e.Type == ConversionEventType.MakesPurchase && !string.IsNullOrWhiteSpace(e.ProductName) ? e.ProductName.Trim() : null,
                e.Type == ConversionEventType.PerformsCustomEvent ? e.EventName?.Trim() : null,
                e.DeadlineAmount,
                e.DeadlineUnit)).ToList(),
        };
    }

    /// <summary>The message the form holds, as it would be stored and rendered.</summary>
    public static ChannelMessage ToMessage(MessageContentForm m) =>
        ChannelMessage.Create(m.Channel, m.Values, m.WebhookHeaders.Select(h => new WebhookHeader(h.Name, h.Value)), m.MessageVariationId);

    public static MessageContentForm ToForm(ChannelMessage m) => new()
    {
        Channel = m.Channel,
        MessageVariationId = m.MessageVariationId,
        Values = m.Values.ToDictionary(v => v.Key, string? (v) => v.Value, StringComparer.Ordinal),
        WebhookHeaders = m is WebhookMessage w ? w.Headers.Select(h => new HeaderForm { Name = h.Name, Value = h.Value }).ToList() : [],
    };

    /// <summary>A copy of the message's fields and headers under a new message variation ID.</summary>
    public static MessageContentForm Copy(MessageContentForm m, string? messageVariationId) => new()
    {
        Channel = m.Channel,
        MessageVariationId = messageVariationId,
        Values = new Dictionary<string, string?>(m.Values, StringComparer.Ordinal),
        WebhookHeaders = m.WebhookHeaders.Select(h => new HeaderForm { Name = h.Name, Value = h.Value }).ToList(),
    };
}
