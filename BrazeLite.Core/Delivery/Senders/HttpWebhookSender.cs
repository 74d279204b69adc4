using System.Net.Http.Headers;
using System.Text;
using BrazeLite.Core.Campaigns;
using Microsoft.Extensions.Options;

namespace BrazeLite.Core.Delivery.Senders;

/// <summary>
/// A webhook as rendered: method, URL, headers and body, through <see cref="IHttpClientFactory"/>; the status and the
/// first bytes of the answer are kept with the delivery.
/// </summary>
public sealed class HttpWebhookSender(IHttpClientFactory clients, IOptions<DeliveryOptions> options, TimeProvider time) : IChannelSender
{
    public const string SenderName = "webhook";
    public const string ClientName = "BrazeLite.Webhook";

    private WebhookChannelOptions Settings => options.Value.Webhook;

    public string NameFor(Channel channel) => SenderName;

    public bool IsLiveFor(Channel channel) => Settings.IsLive;

    public bool Handles(Channel channel) => channel == Channel.Webhook;

    public Task<SendResult> SendAsync(OutboundContent content, SendContext context, CancellationToken ct)
    {
        var webhook = (WebhookContent)content;
        if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return Task.FromResult(SendResult.Permanent($"The rendered URL is not an http(s) URL: {webhook.Url}"));
        }
        var request = new HttpRequestMessage(new HttpMethod(webhook.Method), url);
        if (webhook.Method != "GET")
        {
            request.Content = new StringContent(webhook.Body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        foreach (var header in webhook.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(header.Name, header.Value) && request.Content is not null)
            {
                // Content-Type and the other content headers belong to the body.
                request.Content.Headers.Remove(header.Name);
                request.Content.Headers.TryAddWithoutValidation(header.Name, header.Value);
            }
        }
        return SendWithAsync(request, ct);
    }

    private async Task<SendResult> SendWithAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            return await HttpAnswers.SendAsync(clients.CreateClient(ClientName), request, Settings.Timeout, Settings.KeepResponseBytes, null, time, ct);
        }
    }
}
