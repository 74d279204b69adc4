using System.Threading.RateLimiting;
using BrazeLite.Core.Campaigns;
using Microsoft.Extensions.Options;

namespace BrazeLite.Core.Delivery.Senders;

/// <summary>
/// Which sender takes each channel: the live one when its provider is configured, otherwise the Test inbox. Also the
/// per-provider throttle (<c>MessagesPerSecond</c> of each channel's section).
/// </summary>
public sealed class ChannelSenders : IDisposable
{
    private readonly IReadOnlyList<IChannelSender> _senders;
    private readonly CaptureSender _capture;
    private readonly Dictionary<string, RateLimiter> _throttles = new(StringComparer.Ordinal);

    public ChannelSenders(IEnumerable<IChannelSender> senders, CaptureSender capture, IOptions<DeliveryOptions> options)
    {
        _senders = senders.Where(s => s is not CaptureSender).ToList();
        _capture = capture;
        var o = options.Value;
        AddThrottle("smtp", o.Email.MessagesPerSecond);
        AddThrottle("webhook", o.Webhook.MessagesPerSecond);
        AddThrottle("twilio", o.Sms.MessagesPerSecond);
        foreach (var push in new[] { "fcm", "apns", "adm" })
        {
            AddThrottle(push, o.Push.MessagesPerSecond);
        }
    }

    /// <summary>The sender <paramref name="channel"/>'s messages go to now.</summary>
    public IChannelSender For(Channel channel) =>
        _senders.FirstOrDefault(s => s.Handles(channel) && s.IsLiveFor(channel)) ?? _capture;

    /// <summary>Whether <paramref name="channel"/> sends for real.</summary>
    public bool IsLive(Channel channel) => For(channel) is not CaptureSender;

    /// <summary>Waits for the provider's throttle, when it has one.</summary>
    public async ValueTask WaitTurnAsync(string senderName, CancellationToken ct)
    {
        if (_throttles.TryGetValue(senderName, out var limiter))
        {
            using var lease = await limiter.AcquireAsync(1, ct);
        }
    }

    private void AddThrottle(string name, int perSecond)
    {
        if (perSecond > 0)
        {
            _throttles[name] = Throttles.PerSecond(perSecond);
        }
    }

    public void Dispose()
    {
        foreach (var limiter in _throttles.Values)
        {
            limiter.Dispose();
        }
    }
}

/// <summary>Token buckets that let a steady number of messages through per second, queueing the rest in order.</summary>
public static class Throttles
{
    public static RateLimiter PerSecond(int perSecond) => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
    {
        TokenLimit = perSecond,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });
}
