namespace BrazeLite.Core.Campaigns;

/// <summary>What BrazeLite says about each channel: its label and its key in Braze's messaging objects.</summary>
public static class ChannelInfo
{
    public static IReadOnlyList<Channel> All { get; } = Enum.GetValues<Channel>();

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

    /// <summary>The messaging object key in <c>POST /messages/send</c> (and the preview API's <c>channel</c>).</summary>
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

    /// <summary>The channel whose messaging object key is <paramref name="apiKey"/> (<c>email</c>, <c>apple_push</c>, ...).</summary>
    public static bool TryParse(string apiKey, out Channel channel)
    {
        foreach (var candidate in All)
        {
            if (ApiKey(candidate) == apiKey)
            {
                channel = candidate;
                return true;
            }
        }
        channel = default;
        return false;
    }

    public static bool IsPush(Channel channel) =>
        channel is Channel.ApplePush or Channel.AndroidPush or Channel.KindlePush or Channel.WebPush;
}
