namespace Dashboard.Tests.Shared;

/// <summary>Valid campaigns with every field filled, for tests to start from and break one thing at a time.</summary>
public static class SampleCampaigns
{
    public static CampaignForm Api(string name = "Order shipped") => new()
    {
        Type = CampaignType.Api,
        Name = name,
        Description = "Sent by the order service when a parcel leaves the warehouse.",
        Tags = ["orders", "transactional"],
        Channels =
        [
            new ChannelForm { Channel = Channel.Email, MessageVariationId = Ids.NewId() },
            new ChannelForm { Channel = Channel.Sms, MessageVariationId = Ids.NewId() },
        ],
        ConversionEvents =
        [
            new ConversionEventForm { Type = ConversionEventType.OpensEmail, DeadlineAmount = 12, DeadlineUnit = DeadlineUnit.Hours },
            new ConversionEventForm { Type = ConversionEventType.PerformsCustomEvent, EventName = "tracked_parcel", DeadlineAmount = 3, DeadlineUnit = DeadlineUnit.Days },
        ],
    };

    public static CampaignForm Triggered(string name = "Basket reminder")
    {
        Channel[] channels = [Channel.Email, Channel.Sms, Channel.ApplePush, Channel.AndroidPush, Channel.Webhook, Channel.ContentCard];
        return new CampaignForm
        {
            Type = CampaignType.ApiTriggered,
            Name = name,
            Description = "Reminds a shopper of what is left in the basket.",
            Tags = ["retention"],
            MessageType = MessageType.Transactional,
            Channels = channels.Select(c => new ChannelForm { Channel = c }).ToList(),
            Variants =
            [
                Variant("Variant A", 45, channels, "Your basket misses you"),
                Variant("Variant B", 45, channels, "Still thinking it over?"),
            ],
            HasControlGroup = true,
            ControlPercentage = 10,
            ControlVariationId = Ids.NewId(),
            ReeligibilityEnabled = true,
            ReeligibilityAmount = 0,
            ReeligibilityUnit = ReeligibilityUnit.Minutes,
            ConversionEvents =
            [
                new ConversionEventForm { Type = ConversionEventType.MakesPurchase, ProductName = "gift card", DeadlineAmount = 7, DeadlineUnit = DeadlineUnit.Days },
                new ConversionEventForm { Type = ConversionEventType.StartsSession, AppIds = ["ios-app", "android-app"], DeadlineAmount = 1, DeadlineUnit = DeadlineUnit.Hours },
                new ConversionEventForm { Type = ConversionEventType.ClicksEmail, DeadlineAmount = 30, DeadlineUnit = DeadlineUnit.Days },
            ],
        };
    }

    public static VariantForm Variant(string name, int percentage, IEnumerable<Channel> channels, string headline) => new()
    {
        Name = name,
        Percentage = percentage,
        Messages = channels.Select(c => Message(c, headline)).ToList(),
    };

    public static MessageContentForm Message(Channel channel, string headline) => channel switch
    {
        Channel.Email => new MessageContentForm
        {
            Channel = channel,
            MessageVariationId = Ids.NewId(),
            [EmailFields.From] = "Shop <news@shop.example>",
            [EmailFields.ReplyTo] = "help@shop.example",
            [EmailFields.Subject] = headline + ", {{${first_name} | default: 'friend'}}",
            [EmailFields.Preheader] = "{{api_trigger_properties.${item_count}}} items are waiting",
            [EmailFields.HtmlBody] = "<p>{{api_trigger_properties.${product_name}}} costs {{api_trigger_properties.price.amount}}</p>",
            [EmailFields.PlainTextBody] = "{{api_trigger_properties.${product_name}}}",
        },
        Channel.Sms => new MessageContentForm
        {
            Channel = channel,
            MessageVariationId = Ids.NewId(),
            [SmsFields.Body] = headline + ": {{api_trigger_properties['cart_url']}}",
            [SmsFields.MediaUrl] = "https://cdn.shop.example/basket.png",
        },
        Channel.Webhook => new MessageContentForm
        {
            Channel = channel,
            MessageVariationId = Ids.NewId(),
            [WebhookFields.Url] = "https://hooks.shop.example/basket/{{api_trigger_properties.${basket_id}}}",
            [WebhookFields.Method] = "PUT",
            WebhookHeaders = [new HeaderForm { Name = "X-Shop", Value = "{{api_trigger_properties.shop.id}}" }],
            [WebhookFields.Body] = "{\"headline\":\"" + headline + "\"}",
        },
        Channel.ContentCard => new MessageContentForm
        {
            Channel = channel,
            MessageVariationId = Ids.NewId(),
            [ContentCardFields.Type] = nameof(ContentCardType.CaptionedImage),
            [ContentCardFields.Title] = headline,
            [ContentCardFields.Description] = "Complete your order today.",
            [ContentCardFields.ImageUrl] = "https://cdn.shop.example/card.png",
        },
        _ => new MessageContentForm
        {
            Channel = channel,
            MessageVariationId = Ids.NewId(),
            [PushFields.Title] = headline,
            [PushFields.Body] = "{{api_trigger_properties.${product_name}}} is still in your basket.",
            [PushFields.DeepLink] = "shop://basket",
        },
    };
}
