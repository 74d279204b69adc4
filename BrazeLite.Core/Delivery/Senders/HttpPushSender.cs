using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using BrazeLite.Core.Campaigns;
using Microsoft.Extensions.Options;

namespace BrazeLite.Core.Delivery.Senders;

/// <summary>
/// Push through each platform's HTTP provider, one request per device token: FCM HTTP v1 for Android and web push, APNs
/// for iOS, Amazon Device Messaging for Kindle, each at a configurable base URL. A message is delivered when one of the
/// user's devices took it; otherwise the worst answer decides.
/// </summary>
public sealed class HttpPushSender(IHttpClientFactory clients, IOptions<DeliveryOptions> options, TimeProvider time) : IChannelSender
{
    public const string ClientName = "BrazeLite.Push";

    private PushChannelOptions Settings => options.Value.Push;

    public string NameFor(Channel channel) => ProviderName(channel);

    public bool IsLiveFor(Channel channel) => channel switch
    {
        Channel.AndroidPush or Channel.WebPush => Settings.Fcm.IsLive,
        Channel.ApplePush => Settings.Apns.IsLive,
        Channel.KindlePush => Settings.Adm.IsLive,
        _ => false,
    };

    /// <summary>The provider's name for a platform, as recorded with each delivery.</summary>
    public static string ProviderName(Channel channel) => channel switch
    {
        Channel.ApplePush => "apns",
        Channel.KindlePush => "adm",
        _ => "fcm",
    };

    public bool Handles(Channel channel) => ChannelInfo.IsPush(channel);

    public async Task<SendResult> SendAsync(OutboundContent content, SendContext context, CancellationToken ct)
    {
        var push = (PushContent)content;
        if (push.Tokens.Count == 0)
        {
            return SendResult.Permanent($"The profile has no {ChannelInfo.Label(push.Platform)} device token.");
        }
        var results = new List<SendResult>();
        foreach (var token in push.Tokens)
        {
            using var request = Request(push, token, context);
            var result = await HttpAnswers.SendAsync(clients.CreateClient(ClientName), request, Settings.Timeout, 1024, Reference(push.Platform), time, ct);
            results.Add(result);
        }
        var delivered = results.Where(r => r.Outcome == SendOutcome.Delivered).ToList();
        if (delivered.Count > 0)
        {
            var description = delivered.Count == results.Count
                ? $"Taken for {push.Destination}"
                : $"Taken for {delivered.Count} of {results.Count} devices; the others: {string.Join("; ", results.Where(r => !r.IsSuccess).Select(r => r.Description))}";
            return new SendResult(SendOutcome.Delivered, description, string.Join(",", delivered.Select(r => r.Reference).OfType<string>()),
                string.Join("\n", results.Select(r => r.Response)));
        }
        return results.FirstOrDefault(r => r.Outcome == SendOutcome.Transient) ?? results[0];
    }

    private HttpRequestMessage Request(PushContent push, string token, SendContext context)
    {
        switch (push.Platform)
        {
            case Channel.ApplePush:
            {
                var apns = Settings.Apns;
                var alert = new JsonObject { ["body"] = push.Body };
                if (push.Title.Length > 0) alert["title"] = push.Title;
                var payload = new JsonObject { ["aps"] = new JsonObject { ["alert"] = alert } };
                if (push.DeepLink is not null) payload["url"] = push.DeepLink;
                AddExtra(payload, push.Extra);
                var request = new HttpRequestMessage(HttpMethod.Post, $"{apns.BaseUrl.TrimEnd('/')}/3/device/{Uri.EscapeDataString(token)}")
                {
                    Content = JsonContent.Create(payload),
                    Version = new Version(2, 0),
                    VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("bearer", apns.AuthToken);
                request.Headers.TryAddWithoutValidation("apns-topic", apns.Topic);
                request.Headers.TryAddWithoutValidation("apns-push-type", "alert");
                request.Headers.TryAddWithoutValidation("apns-id", ApnsId(context));
                return request;
            }
            case Channel.KindlePush:
            {
                var adm = Settings.Adm;
                var data = new JsonObject { ["title"] = push.Title, ["body"] = push.Body };
                if (push.DeepLink is not null) data["url"] = push.DeepLink;
                AddExtra(data, push.Extra);
                var request = new HttpRequestMessage(HttpMethod.Post,
                    $"{adm.BaseUrl.TrimEnd('/')}/messaging/registrations/{Uri.EscapeDataString(token)}/messages")
                {
                    Content = JsonContent.Create(new JsonObject { ["data"] = data, ["consolidationKey"] = context.IdempotencyKey }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adm.AccessToken);
                return request;
            }
            default:
            {
                var fcm = Settings.Fcm;
                var message = new JsonObject
                {
                    ["token"] = token,
                    ["notification"] = new JsonObject { ["title"] = push.Title, ["body"] = push.Body },
                };
                var data = new JsonObject();
                AddExtra(data, push.Extra);
                if (data.Count > 0) message["data"] = data;
                if (push.DeepLink is not null)
                {
                    message[push.Platform == Channel.WebPush ? "webpush" : "android"] = push.Platform == Channel.WebPush
                        ? new JsonObject { ["fcm_options"] = new JsonObject { ["link"] = push.DeepLink } }
                        : new JsonObject { ["notification"] = new JsonObject { ["click_action"] = push.DeepLink } };
                }
                var request = new HttpRequestMessage(HttpMethod.Post,
                    $"{fcm.BaseUrl.TrimEnd('/')}/v1/projects/{Uri.EscapeDataString(fcm.ProjectId!)}/messages:send")
                {
                    Content = JsonContent.Create(new JsonObject { ["message"] = message }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fcm.AccessToken);
                return request;
            }
        }
    }

    private static void AddExtra(JsonObject target, IReadOnlyDictionary<string, string>? extra)
    {
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            target[key] = value;
        }
    }

    // APNs wants a UUID; the same one for every attempt of a message.
    private static string ApnsId(SendContext context)
    {
        var bytes = System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(context.IdempotencyKey));
        return new Guid(bytes).ToString("D");
    }

    private static Func<HttpResponseMessage, string, string?> Reference(Channel platform) => (response, body) =>
    {
        if (platform == Channel.ApplePush)
        {
            return response.Headers.TryGetValues("apns-id", out var ids) ? ids.FirstOrDefault() : null;
        }
        try
        {
            using var doc = JsonDocument.Parse(body);
            var name = platform == Channel.KindlePush ? "registrationID" : "name";
            return doc.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    };
}
