namespace BrazeLite.Core.Campaigns;

/// <summary>Every channel's field catalogue; the per-channel classes (<see cref="EmailFields"/>, ...) name the fields.</summary>
public static class ChannelFields
{
    /// <summary>Every field of <paramref name="channel"/>'s message, in the order the dashboard shows them.</summary>
    public static IReadOnlyList<ChannelField> For(Channel channel) => channel switch
    {
        Channel.Email => EmailFields.All,
        Channel.Sms => SmsFields.All,
        Channel.ApplePush or Channel.AndroidPush or Channel.KindlePush or Channel.WebPush => PushFields.For(channel),
        Channel.Webhook => WebhookFields.All,
        Channel.ContentCard => ContentCardFields.All,
        _ => [],
    };

    /// <summary>The fields the marketer writes in the dashboard.</summary>
    public static IEnumerable<ChannelField> InDashboard(Channel channel) => For(channel).Where(f => f.InDashboard);

    /// <summary>The templated fields' keys of <paramref name="channel"/> (a webhook's headers come on top, one per header).</summary>
    public static IReadOnlyList<string> TemplateKeys(Channel channel) =>
        For(channel).Where(f => f.IsTemplate && f.InDashboard).Select(f => f.Key).ToList();

    /// <summary>The dashboard field of <paramref name="channel"/> with <paramref name="key"/>, or null.</summary>
    public static ChannelField? Find(Channel channel, string key) =>
        For(channel).FirstOrDefault(f => f.InDashboard && string.Equals(f.Key, key, StringComparison.Ordinal));
}
