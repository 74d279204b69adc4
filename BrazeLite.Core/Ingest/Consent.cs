using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Users;

namespace BrazeLite.Core.Ingest;

/// <summary>
/// Whether a channel may reach a user: it needs an address on the profile, and a marketing campaign needs the user not
/// to have unsubscribed on that channel; transactional campaigns ignore marketing opt-outs.
/// </summary>
public static class Consent
{
    /// <summary>Why the channel may not reach the user, or null when it may.</summary>
    public static string? Refusal(MessageType type, Channel channel, UserProfile user)
    {
        var marketing = type == MessageType.Marketing;
        return channel switch
        {
            Channel.Email when user.Email is null => "the profile has no email address",
            Channel.Email when marketing && !user.MayReceiveMarketingEmail => "unsubscribed from email (a marketing campaign)",
            Channel.Sms when string.IsNullOrWhiteSpace(user.Phone) => "the profile has no phone number",
            Channel.ApplePush or Channel.AndroidPush or Channel.KindlePush or Channel.WebPush when marketing && !user.MayReceiveMarketingPush =>
                "unsubscribed from push (a marketing campaign)",
            _ => null,
        };
    }
}
