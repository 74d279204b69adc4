using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BrazeLite.Core.Campaigns;
using Microsoft.Extensions.Options;

namespace BrazeLite.Core.Delivery.Senders;

/// <summary>
/// SMS and MMS through Twilio's Messages API (<c>POST /2010-04-01/Accounts/{sid}/Messages.json</c>, form-encoded, basic
/// authentication), at a configurable base URL; the message SID is kept as the reference.
/// </summary>
public sealed class TwilioSmsSender(IHttpClientFactory clients, IOptions<DeliveryOptions> options, TimeProvider time) : IChannelSender
{
    public const string SenderName = "twilio";
    public const string ClientName = "BrazeLite.Sms";

    private SmsChannelOptions Settings => options.Value.Sms;

    public string NameFor(Channel channel) => SenderName;

    public bool IsLiveFor(Channel channel) => Settings.IsLive;

    public bool Handles(Channel channel) => channel == Channel.Sms;

    public async Task<SendResult> SendAsync(OutboundContent content, SendContext context, CancellationToken ct)
    {
        var sms = (SmsContent)content;
        var form = new List<KeyValuePair<string, string>> { new("To", sms.To), new("Body", sms.Body) };
        form.Add(string.IsNullOrEmpty(Settings.MessagingServiceSid)
            ? new("From", Settings.From!)
            : new("MessagingServiceSid", Settings.MessagingServiceSid));
        form.AddRange(sms.MediaUrls.Select(url => new KeyValuePair<string, string>("MediaUrl", url)));

        var url = $"{Settings.BaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(Settings.AccountSid!)}/Messages.json";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Settings.AccountSid}:{Settings.AuthToken}")));
        request.Headers.TryAddWithoutValidation("I-Twilio-Idempotency-Token", context.IdempotencyKey);
        return await HttpAnswers.SendAsync(clients.CreateClient(ClientName), request, Settings.Timeout, 2048, (_, body) => Sid(body), time, ct);
    }

    private static string? Sid(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("sid", out var sid) ? sid.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
