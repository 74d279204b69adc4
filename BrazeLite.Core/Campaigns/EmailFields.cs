namespace BrazeLite.Core.Campaigns;

/// <summary>The fields of an email message.</summary>
public static class EmailFields
{
    public static readonly ChannelField From = new()
    {
        Key = "from", Label = "From", ApiKey = "from", IsTemplate = true, RequiredAtLaunch = true, RequiredInApi = true,
        Format = FieldFormat.Sender, FormatMessage = "Write the sender as an address or as Name <address@example.com>.",
        Placeholder = "Sender Name <sender@example.com>",
    };

    public static readonly ChannelField ReplyTo = new()
    {
        Key = "reply_to", Label = "Reply-to", ApiKey = "reply_to", IsTemplate = true,
        Format = FieldFormat.Sender, FormatMessage = "Reply-to must be an email address.",
    };

    public static readonly ChannelField Subject = new()
    {
        Key = "subject", Label = "Subject", ApiKey = "subject", IsTemplate = true, RequiredAtLaunch = true, Placeholder = "YOUR SUBJECT",
    };

    public static readonly ChannelField Preheader = new() { Key = "preheader", Label = "Preheader", ApiKey = "preheader", IsTemplate = true };

    public static readonly ChannelField HtmlBody = new()
    {
        Key = "html_body", Label = "HTML body", ApiKey = "body", IsTemplate = true, RequiredAtLaunch = true, RequiredInApi = true,
        Placeholder = "<html><body>YOUR HTML BODY</body></html>",
    };

    public static readonly ChannelField PlainTextBody = new() { Key = "plain_text_body", Label = "Plain-text body", ApiKey = "plaintext_body", IsTemplate = true };

    public static readonly ChannelField AppId = new()
    {
        Key = "app_id", Label = "App ID", ApiKey = "app_id", InDashboard = false, RequiredInApi = true, Placeholder = "YOUR-APP-ID",
    };

    /// <summary>In the order the editor and the preview show them; <see cref="AppId"/> first, as the API reference lists it.</summary>
    public static readonly IReadOnlyList<ChannelField> All = [AppId, From, ReplyTo, Subject, Preheader, HtmlBody, PlainTextBody];
}
