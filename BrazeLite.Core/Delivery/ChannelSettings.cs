using System.Globalization;
using BrazeLite.Core.Accounts;
using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Delivery.Senders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BrazeLite.Core.Delivery;

/// <summary>One setting in effect, its secret masked.</summary>
public sealed record ChannelSettingValue(string Name, string Value);

/// <summary>A channel (or a group of channels sharing a provider) as configured now.</summary>
public sealed record ChannelSetup(string Title, IReadOnlyList<Channel> Channels, string Sender, bool Live, IReadOnlyList<ChannelSettingValue> Settings,
    string? TestDestinationLabel);

/// <summary>
/// Settings &gt; Channels: the configuration in effect per channel (secrets masked), live or capture, and a test per
/// channel that hands a fixed message to the provider and reports its answer.
/// </summary>
public sealed partial class ChannelSettings(ChannelSenders senders, IOptions<DeliveryOptions> options, TimeProvider time, ILogger<ChannelSettings> logger,
    IActorAccessor actors)
{
    public const string TestSubject = "BrazeLite channel test";

    public IReadOnlyList<ChannelSetup> Describe()
    {
        var o = options.Value;
        return
        [
            Setup("Email", [Channel.Email], "Email address",
                ("Host", o.Email.Host), ("Port", Num(o.Email.Port)), ("Security", o.Email.Security.ToString()), ("User name", o.Email.UserName),
                ("Password", Secret(o.Email.Password)), ("Envelope sender", o.Email.EnvelopeFrom), ("List-Unsubscribe", o.Email.ListUnsubscribe),
                ("Messages per second", Rate(o.Email.MessagesPerSecond)), ("Timeout", Span(o.Email.Timeout))),
            Setup("SMS/MMS (Twilio)", [Channel.Sms], "Phone number",
                ("Base URL", o.Sms.BaseUrl), ("Account SID", o.Sms.AccountSid), ("Auth token", Secret(o.Sms.AuthToken)), ("From", o.Sms.From),
                ("Messaging service SID", o.Sms.MessagingServiceSid), ("Messages per second", Rate(o.Sms.MessagesPerSecond)), ("Timeout", Span(o.Sms.Timeout))),
            Setup("Webhook", [Channel.Webhook], "URL",
                ("Live", o.Webhook.Live ? "yes" : "no (set Delivery:Webhook:Live to call webhook URLs)"), ("Timeout", Span(o.Webhook.Timeout)),
                ("Response bytes kept", Num(o.Webhook.KeepResponseBytes)), ("Messages per second", Rate(o.Webhook.MessagesPerSecond))),
            Setup("Android and web push (FCM)", [Channel.AndroidPush, Channel.WebPush], "Device token",
                ("Base URL", o.Push.Fcm.BaseUrl), ("Project ID", o.Push.Fcm.ProjectId), ("Access token", Secret(o.Push.Fcm.AccessToken)),
                ("Messages per second", Rate(o.Push.MessagesPerSecond)), ("Timeout", Span(o.Push.Timeout))),
            Setup("iOS push (APNs)", [Channel.ApplePush], "Device token",
                ("Base URL", o.Push.Apns.BaseUrl), ("Topic (bundle ID)", o.Push.Apns.Topic), ("Provider token", Secret(o.Push.Apns.AuthToken)),
                ("Messages per second", Rate(o.Push.MessagesPerSecond)), ("Timeout", Span(o.Push.Timeout))),
            Setup("Kindle push (ADM)", [Channel.KindlePush], "Device token",
                ("Base URL", o.Push.Adm.BaseUrl), ("Access token", Secret(o.Push.Adm.AccessToken)), ("Timeout", Span(o.Push.Timeout))),
            Setup("Content Cards", [Channel.ContentCard], null, ("Kept in", "BrazeLite (GET /content_cards/sync)")),
        ];
    }

    /// <summary>Hands a fixed test message for <paramref name="channel"/> to <paramref name="destination"/>, once, and reports the answer.</summary>
    public async Task<SendResult> TestAsync(Channel channel, string destination, CancellationToken ct = default)
    {
        if (actors.Refusal(Capability.ManageChannels) is { } forbidden)
        {
            return SendResult.Permanent(forbidden);
        }
        destination = destination.Trim();
        var now = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        var text = $"A test of the {ChannelInfo.Label(channel)} channel from BrazeLite, {now}.";
        OutboundContent? content = channel switch
        {
            Channel.Email when EmailAddress.IsValid(destination) && options.Value.Email.EnvelopeFrom is var from =>
                new EmailContent(string.IsNullOrWhiteSpace(from) ? "BrazeLite <test@brazelite.local>" : from, destination, null, TestSubject, null,
                    $"<p>{text}</p>", text, new Dictionary<string, string>()),
            Channel.Sms when destination.Length > 0 => new SmsContent(destination, text, []),
            Channel.Webhook when Urls.IsHttp(destination) =>
                new WebhookContent(destination, "POST", [], System.Text.Json.JsonSerializer.Serialize(new { test = true, message = text })),
            _ when ChannelInfo.IsPush(channel) && destination.Length > 0 => new PushContent(channel, [destination], TestSubject, text, null),
            _ => null,
        };
        if (content is null)
        {
            return SendResult.Permanent(channel switch
            {
                Channel.Email => $"{destination} is not an email address.",
                Channel.Webhook => $"{destination} is not an http(s) URL.",
                Channel.ContentCard => "Content Cards are kept in BrazeLite: there is no provider to test.",
                _ => "Type where the test should go.",
            });
        }
        var sender = senders.For(channel);
        try
        {
            var result = await sender.SendAsync(content, new SendContext(0, $"channel-test-{Guid.NewGuid():N}", 1), ct);
            LogTested(logger, ChannelInfo.Label(channel), sender.NameFor(channel), result.Description);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return SendResult.Transient($"{e.GetType().Name}: {e.Message}");
        }
    }

    private ChannelSetup Setup(string title, Channel[] channels, string? destination, params (string Name, string? Value)[] settings)
    {
        var sender = senders.For(channels[0]);
        return new ChannelSetup(title, channels, sender.NameFor(channels[0]), sender.IsLiveFor(channels[0]),
            settings.Select(s => new ChannelSettingValue(s.Name, string.IsNullOrEmpty(s.Value) ? "(not set)" : s.Value)).ToList(), destination);
    }

    private static string? Secret(string? value) => string.IsNullOrEmpty(value) ? null : "•••••• (set)";

    private static string Num(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Rate(int perSecond) => perSecond == 0 ? "no limit" : $"{perSecond:N0}";

    private static string Span(TimeSpan span) => HttpAnswers.Seconds(span);

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel test of {Channel} through {Sender}: {Answer}")]
    private static partial void LogTested(ILogger logger, string channel, string sender, string answer);
}
