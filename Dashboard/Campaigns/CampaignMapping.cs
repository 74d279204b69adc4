using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Data;

namespace Dashboard.Campaigns;

/// <summary>Copies between the editor's form and the stored entity, normalising as it goes.</summary>
internal static class CampaignMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string NormalizeName(string name) => name.Trim().ToLowerInvariant();

    public static IReadOnlyList<Channel> ReadChannels(string json) =>
        Deserialize<List<StoredChannel>>(json).Select(c => c.Channel).ToList();

    /// <summary>
    /// Writes the form's content onto the entity. Only what the campaign type uses is kept, and only the copy of
    /// channels the campaign has, so nothing unvalidated is stored.
    /// </summary>
    public static void Apply(CampaignForm form, CampaignEntity entity)
    {
        var triggered = form.Type == CampaignType.ApiTriggered;
        entity.Name = form.Name.Trim();
        entity.NormalizedName = NormalizeName(form.Name);
        entity.Type = form.Type;
        entity.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        entity.Tags = Serialize(form.Tags.Select(t => t.Trim()).ToList());
        entity.MessageType = triggered ? form.MessageType : MessageType.Marketing;
        entity.Channels = Serialize(form.Channels.Select(c => new StoredChannel
        {
            Channel = c.Channel,
            MessageVariationId = Ids.IsVariationId(c.MessageVariationId) ? c.MessageVariationId : null,
        }).ToList());

        entity.Variants = Serialize(triggered
            ? form.Variants.Select(v => new StoredVariant
            {
                Name = v.Name.Trim(),
                VariationId = v.VariationId,
                Percentage = v.Percentage,
                // In campaign channel order; copy for a channel the campaign no longer has is dropped.
                Messages = form.Channels
                    .Select(c => v.Messages.FirstOrDefault(m => m.Channel == c.Channel))
                    .OfType<MessageContentForm>()
                    .Select(ToStored)
                    .ToList(),
            }).ToList()
            : []);

        entity.HasControlGroup = triggered && form.HasControlGroup;
        entity.ControlPercentage = entity.HasControlGroup ? form.ControlPercentage : 0;
        entity.ControlVariationId = entity.HasControlGroup ? form.ControlVariationId : null;
        entity.ReeligibilityEnabled = triggered && form.ReeligibilityEnabled;
        entity.ReeligibilityAmount = entity.ReeligibilityEnabled ? form.ReeligibilityAmount : 0;
        entity.ReeligibilityUnit = form.ReeligibilityUnit;

        entity.ConversionEvents = Serialize(form.ConversionEvents.Select(e => new StoredConversionEvent
        {
            Type = e.Type,
            AppIds = e.Type == ConversionEventType.StartsSession && e.AppIds.Count > 0 ? e.AppIds.Select(a => a.Trim()).ToList() : null,
            ProductName = e.Type == ConversionEventType.MakesPurchase && !string.IsNullOrWhiteSpace(e.ProductName) ? e.ProductName.Trim() : null,
            EventName = e.Type == ConversionEventType.PerformsCustomEvent ? e.EventName?.Trim() : null,
            DeadlineAmount = e.DeadlineAmount,
            DeadlineUnit = e.DeadlineUnit,
        }).ToList());
    }

    public static CampaignForm ToForm(CampaignEntity e) => new()
    {
        CampaignId = e.CampaignId,
        Version = e.Version,
        Type = e.Type,
        Status = e.Status,
        Name = e.Name,
        Description = e.Description,
        Tags = Deserialize<List<string>>(e.Tags),
        MessageType = e.MessageType,
        Channels = Deserialize<List<StoredChannel>>(e.Channels)
            .Select(c => new ChannelForm { Channel = c.Channel, MessageVariationId = c.MessageVariationId })
            .ToList(),
        Variants = Deserialize<List<StoredVariant>>(e.Variants)
            .Select(v => new VariantForm
            {
                Name = v.Name,
                VariationId = v.VariationId,
                Percentage = v.Percentage,
                Messages = v.Messages.Select(ToForm).ToList(),
            })
            .ToList(),
        HasControlGroup = e.HasControlGroup,
        ControlPercentage = e.ControlPercentage,
        ControlVariationId = e.ControlVariationId,
        ReeligibilityEnabled = e.ReeligibilityEnabled,
        ReeligibilityAmount = e.ReeligibilityAmount,
        ReeligibilityUnit = e.ReeligibilityUnit,
        ConversionEvents = Deserialize<List<StoredConversionEvent>>(e.ConversionEvents)
            .Select(c => new ConversionEventForm
            {
                Type = c.Type,
                AppIds = c.AppIds ?? [],
                ProductName = c.ProductName,
                EventName = c.EventName,
                DeadlineAmount = c.DeadlineAmount,
                DeadlineUnit = c.DeadlineUnit,
            })
            .ToList(),
    };

    private static StoredMessage ToStored(MessageContentForm m)
    {
        var stored = new StoredMessage { Channel = m.Channel };
        switch (m.Channel)
        {
            case Channel.Email:
                stored.From = m.From?.Trim();
                stored.ReplyTo = Blank(m.ReplyTo)?.Trim();
                stored.Subject = m.Subject;
                stored.Preheader = Blank(m.Preheader);
                stored.HtmlBody = m.HtmlBody;
                stored.PlainTextBody = Blank(m.PlainTextBody);
                break;
            case Channel.Sms:
                stored.SmsBody = m.SmsBody;
                stored.MediaUrl = Blank(m.MediaUrl)?.Trim();
                break;
            case Channel.ApplePush or Channel.AndroidPush or Channel.KindlePush or Channel.WebPush:
                stored.PushTitle = Blank(m.PushTitle);
                stored.PushBody = m.PushBody;
                stored.DeepLink = Blank(m.DeepLink)?.Trim();
                break;
            case Channel.Webhook:
                stored.WebhookUrl = m.WebhookUrl?.Trim();
                stored.WebhookMethod = m.WebhookMethod;
                stored.WebhookHeaders = m.WebhookHeaders.Select(h => new StoredHeader { Name = h.Name.Trim(), Value = h.Value }).ToList();
                stored.WebhookBody = Blank(m.WebhookBody);
                break;
            case Channel.ContentCard:
                stored.CardType = m.CardType;
                stored.CardTitle = m.CardTitle;
                stored.CardDescription = m.CardDescription;
                stored.CardImageUrl = Blank(m.CardImageUrl)?.Trim();
                break;
        }
        return stored;
    }

    private static MessageContentForm ToForm(StoredMessage m) => new()
    {
        Channel = m.Channel,
        From = m.From,
        ReplyTo = m.ReplyTo,
        Subject = m.Subject,
        Preheader = m.Preheader,
        HtmlBody = m.HtmlBody,
        PlainTextBody = m.PlainTextBody,
        SmsBody = m.SmsBody,
        MediaUrl = m.MediaUrl,
        PushTitle = m.PushTitle,
        PushBody = m.PushBody,
        DeepLink = m.DeepLink,
        WebhookUrl = m.WebhookUrl,
        WebhookMethod = m.WebhookMethod ?? "POST",
        WebhookHeaders = m.WebhookHeaders?.Select(h => new HeaderForm { Name = h.Name, Value = h.Value }).ToList() ?? [],
        WebhookBody = m.WebhookBody,
        CardType = m.CardType ?? ContentCardType.Classic,
        CardTitle = m.CardTitle,
        CardDescription = m.CardDescription,
        CardImageUrl = m.CardImageUrl,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    private static T Deserialize<T>(string json) where T : new() =>
        string.IsNullOrEmpty(json) ? new T() : JsonSerializer.Deserialize<T>(json, Json) ?? new T();
}
