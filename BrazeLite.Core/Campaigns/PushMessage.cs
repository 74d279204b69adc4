namespace BrazeLite.Core.Campaigns;

/// <summary>A push notification for iOS, Android, Kindle or the web.</summary>
public sealed record PushMessage : ChannelMessage
{
    public PushMessage(Channel channel, IEnumerable<KeyValuePair<string, string?>> values) : base(channel, values)
    {
        if (!ChannelInfo.IsPush(channel))
        {
            throw new ArgumentOutOfRangeException(nameof(channel), channel, "not a push channel");
        }
    }

    public string? Title => this[PushFields.Title];
    public string? Body => this[PushFields.Body];
    public string? DeepLink => this[PushFields.DeepLink];
}
