namespace BrazeLite.Core.Campaigns;

public sealed record WebhookMessage : ChannelMessage
{
    public WebhookMessage(IEnumerable<KeyValuePair<string, string?>> values, IEnumerable<WebhookHeader> headers) : base(Channel.Webhook, values)
    {
        Headers = headers.Where(h => !string.IsNullOrWhiteSpace(h.Name)).Select(h => h with { Name = h.Name.Trim() }).ToList();
    }

    public string? Url => this[WebhookFields.Url];
    public string Method => this[WebhookFields.Method] ?? "POST";
    public string? Body => this[WebhookFields.Body];

    /// <summary>The request headers, names trimmed; headers without a name are not kept.</summary>
    public IReadOnlyList<WebhookHeader> Headers { get; }

    /// <inheritdoc />
    public override IReadOnlyList<TemplateSource> Templates()
    {
        var templates = new List<TemplateSource> { new(WebhookFields.Url, Url ?? "") };
        templates.AddRange(Headers.Select(h => new TemplateSource(WebhookFields.Header(h.Name), h.Value)));
        templates.Add(new TemplateSource(WebhookFields.Body, Body ?? ""));
        return templates;
    }
}
