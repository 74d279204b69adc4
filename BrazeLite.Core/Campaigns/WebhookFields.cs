namespace BrazeLite.Core.Campaigns;

/// <summary>The fields of a webhook; its headers are a list of their own (<see cref="WebhookHeader"/>), each value a template.</summary>
public static class WebhookFields
{
    /// <summary>The key prefix of a header's value as a previewed field: <c>webhook_headers.Authorization</c>.</summary>
    public const string HeaderPrefix = "webhook_headers.";

    /// <summary>The key of the headers list in validation paths and the API (<c>request_headers</c>).</summary>
    public const string HeadersKey = "webhook_headers";

    public static readonly ChannelField Url = new()
    {
        Key = "webhook_url", Label = "URL", ApiKey = "url", IsTemplate = true, RequiredAtLaunch = true, RequiredInApi = true,
        Format = FieldFormat.HttpTemplateUrl, FormatMessage = "The webhook URL must start with http:// or https://.",
        Placeholder = "https://example.com/YOUR-WEBHOOK",
    };

    public static readonly ChannelField Method = new()
    {
        Key = "webhook_method", Label = "Method", ApiKey = "request_method", RequiredInApi = true,
        Format = FieldFormat.Choice, Choices = ["POST", "PUT", "DELETE", "GET"], FormatMessage = "The method is POST, PUT, DELETE or GET.",
        Placeholder = "POST",
    };

    public static readonly ChannelField Body = new()
    {
        Key = "webhook_body", Label = "Body", ApiKey = "body", IsTemplate = true, Placeholder = "YOUR REQUEST BODY",
    };

    public static readonly IReadOnlyList<ChannelField> All = [Url, Method, Body];

    /// <summary>A header's value as a templated field of the preview.</summary>
    public static ChannelField Header(string name) => new()
    {
        Key = HeaderPrefix + name.Trim(), Label = $"Header {name.Trim()}", IsTemplate = true,
    };

    /// <summary>A header name Braze accepts: not blank, no whitespace, no colon.</summary>
    public static bool IsHeaderName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && !name.Any(c => char.IsWhiteSpace(c) || c == ':');
}
