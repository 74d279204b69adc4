namespace BrazeLite.Core.Campaigns;

public sealed record EmailMessage : ChannelMessage
{
    public EmailMessage(IEnumerable<KeyValuePair<string, string?>> values) : base(Channel.Email, values)
    {
    }

    public string? From => this[EmailFields.From];
    public string? ReplyTo => this[EmailFields.ReplyTo];
    public string? Subject => this[EmailFields.Subject];
    public string? Preheader => this[EmailFields.Preheader];
    public string? HtmlBody => this[EmailFields.HtmlBody];
    public string? PlainTextBody => this[EmailFields.PlainTextBody];
}
