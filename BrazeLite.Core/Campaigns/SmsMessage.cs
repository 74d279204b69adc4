namespace BrazeLite.Core.Campaigns;

public sealed record SmsMessage : ChannelMessage
{
    public SmsMessage(IEnumerable<KeyValuePair<string, string?>> values) : base(Channel.Sms, values)
    {
    }

    public string? Body => this[SmsFields.Body];

    /// <summary>An image or video: the message goes out as an MMS.</summary>
    public string? MediaUrl => this[SmsFields.MediaUrl];
}
