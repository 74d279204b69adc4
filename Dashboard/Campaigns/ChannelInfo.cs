namespace Dashboard.Campaigns;

/// <summary>What the dashboard says about each channel: its label and its key in Braze's messaging objects.</summary>
public static class ChannelInfo
{
    public static string Label(Channel channel) => channel switch
    {
        Channel.ApplePush => "iOS push",
        Channel.AndroidPush => "Android push",
        Channel.KindlePush => "Kindle push",
        Channel.WebPush => "Web push",
        Channel.Email => "Email",
        Channel.Sms => "SMS/MMS",
        Channel.Webhook => "Webhook",
        Channel.ContentCard => "Content Card",
        _ => channel.ToString(),
    };

    /// <summary>The messaging object key in <c>POST /messages/send</c>.</summary>
    public static string ApiKey(Channel channel) => channel switch
    {
        Channel.ApplePush => "apple_push",
        Channel.AndroidPush => "android_push",
        Channel.KindlePush => "kindle_push",
        Channel.WebPush => "web_push",
        Channel.Email => "email",
        Channel.Sms => "sms",
        Channel.Webhook => "webhook",
        Channel.ContentCard => "content_card",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    public static bool IsPush(Channel channel) =>
        channel is Channel.ApplePush or Channel.AndroidPush or Channel.KindlePush or Channel.WebPush;

    public static IReadOnlyList<Channel> All { get; } = Enum.GetValues<Channel>();

    public static string Label(CampaignType type) => type == CampaignType.Api ? "API" : "API-triggered";

    public static string Label(ConversionEventType type) => type switch
    {
        ConversionEventType.StartsSession => "Starts Session",
        ConversionEventType.MakesPurchase => "Makes Purchase",
        ConversionEventType.PerformsCustomEvent => "Performs Custom Event",
        ConversionEventType.UpgradesApp => "Upgrades App",
        ConversionEventType.OpensEmail => "Opens Email",
        ConversionEventType.ClicksEmail => "Clicks Email",
        _ => type.ToString(),
    };
}
