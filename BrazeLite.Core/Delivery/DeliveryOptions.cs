using System.ComponentModel.DataAnnotations;

namespace BrazeLite.Core.Delivery;

/// <summary>
/// The dispatcher and the channels (section <c>Delivery</c>). A channel left unconfigured captures its messages into the
/// Test inbox instead of sending them, so a fresh start sends nothing anywhere.
/// </summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Whether the dispatcher runs in this process.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Messages claimed per read of the queue.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Messages being rendered or handed over at once.</summary>
    [Range(1, 512)]
    public int MaxConcurrency { get; set; } = 32;

    /// <summary>Attempts per message before it fails with the last error.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry; each further one doubles it, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two attempts held in memory; a longer <c>Retry-After</c> puts the message back in the queue until then.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claim holds a message; a message still claimed after it (its process died) is claimed again.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often an idle dispatcher looks for messages no one told it about.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public EmailChannelOptions Email { get; set; } = new();

    public WebhookChannelOptions Webhook { get; set; } = new();

    public SmsChannelOptions Sms { get; set; } = new();

    public PushChannelOptions Push { get; set; } = new();

    public ConnectedContentOptions ConnectedContent { get; set; } = new();
}

/// <summary>Email over SMTP (MailKit). Live when <see cref="Host"/> is set.</summary>
public sealed class EmailChannelOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary><c>None</c>, <c>StartTls</c> (required), <c>StartTlsWhenAvailable</c>, or <c>SslOnConnect</c>.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The envelope sender (<c>MAIL FROM</c>, where bounces go); the message's From when empty.</summary>
    public string? EnvelopeFrom { get; set; }

    /// <summary>
    /// The <c>List-Unsubscribe</c> target added to marketing campaigns' email: a <c>mailto:</c> or an <c>https:</c> URL,
    /// which may hold <c>{user_id}</c> and <c>{dispatch_id}</c>. Empty: only what a request's <c>headers</c> carry.
    /// </summary>
    public string? ListUnsubscribe { get; set; }

    /// <summary>The most messages per second handed to the server; 0 for no limit.</summary>
    [Range(0, 100000)]
    public int MessagesPerSecond { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsLive => !string.IsNullOrWhiteSpace(Host);
}

public enum SmtpSecurity
{
    None,
    StartTls,
    StartTlsWhenAvailable,
    SslOnConnect,
}

/// <summary>Webhooks. A webhook's URL is its own destination, so they are called only when <see cref="Live"/> says so.</summary>
public sealed class WebhookChannelOptions
{
    public bool Live { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How much of a response body is kept with the delivery.</summary>
    [Range(0, 64 * 1024)]
    public int KeepResponseBytes { get; set; } = 1024;

    [Range(0, 100000)]
    public int MessagesPerSecond { get; set; }

    public bool IsLive => Live;
}

/// <summary>SMS and MMS through Twilio's Messages API (or a provider that speaks it). Live when <see cref="AccountSid"/> is set.</summary>
public sealed class SmsChannelOptions
{
    [Url]
    public string BaseUrl { get; set; } = "https://api.twilio.com";

    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    /// <summary>The sending number (E.164); or use <see cref="MessagingServiceSid"/>.</summary>
    public string? From { get; set; }

    public string? MessagingServiceSid { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(0, 100000)]
    public int MessagesPerSecond { get; set; }

    public bool IsLive => !string.IsNullOrWhiteSpace(AccountSid);
}

/// <summary>Push providers: FCM HTTP v1 for Android and web push, APNs for iOS, Amazon Device Messaging for Kindle.</summary>
public sealed class PushChannelOptions
{
    public FcmOptions Fcm { get; set; } = new();

    public ApnsOptions Apns { get; set; } = new();

    public AdmOptions Adm { get; set; } = new();

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(0, 100000)]
    public int MessagesPerSecond { get; set; }
}

/// <summary>Firebase Cloud Messaging, HTTP v1. Live when <see cref="ProjectId"/> is set.</summary>
public sealed class FcmOptions
{
    [Url]
    public string BaseUrl { get; set; } = "https://fcm.googleapis.com";

    public string? ProjectId { get; set; }

    /// <summary>An OAuth 2 access token for the project's service account.</summary>
    public string? AccessToken { get; set; }

    public bool IsLive => !string.IsNullOrWhiteSpace(ProjectId);
}

/// <summary>Apple Push Notification service over HTTP. Live when <see cref="Topic"/> is set.</summary>
public sealed class ApnsOptions
{
    [Url]
    public string BaseUrl { get; set; } = "https://api.push.apple.com";

    /// <summary>The app's bundle ID (<c>apns-topic</c>).</summary>
    public string? Topic { get; set; }

    /// <summary>A provider authentication token (JWT).</summary>
    public string? AuthToken { get; set; }

    public bool IsLive => !string.IsNullOrWhiteSpace(Topic);
}

/// <summary>Amazon Device Messaging for Kindle. Live when <see cref="AccessToken"/> is set.</summary>
public sealed class AdmOptions
{
    [Url]
    public string BaseUrl { get; set; } = "https://api.amazon.com";

    public string? AccessToken { get; set; }

    public bool IsLive => !string.IsNullOrWhiteSpace(AccessToken);
}

/// <summary><c>connected_content</c> at send time.</summary>
public sealed class ConnectedContentOptions
{
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The largest response read; a longer one fails the call.</summary>
    [Range(1, 16 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a GET response is reused when the template does not say (<c>:cache_max_age</c>), as Braze does.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan DefaultCacheMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The credentials <c>:basic_auth name</c> refers to, by name.</summary>
    public Dictionary<string, BasicCredential> Credentials { get; set; } = new(StringComparer.Ordinal);
}

public sealed class BasicCredential
{
    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";
}
