namespace BrazeLite.Core.Campaigns;

/// <summary>The messaging channels, as Braze names them in <c>/messages/send</c> (see <see cref="ChannelInfo"/>).</summary>
public enum Channel
{
    ApplePush,
    AndroidPush,
    KindlePush,
    WebPush,
    Email,
    Sms,
    Webhook,
    ContentCard,
}
