namespace Dashboard.Tests.Shared;

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
        Percentage = percentage,
        Messages =
        [
            new MessageContentForm
            {
                Channel = Channel.Email,
                MessageVariationId = Ids.NewId(),
                [EmailFields.From] = "Shop <shop@example.com>",
                [EmailFields.Subject] = subject,
                [EmailFields.HtmlBody] = "<p>Hi {{${first_name}}}, your cart holds {{api_trigger_properties.${item_count}}} items.</p>",
            },
        ],
    };
}
