using System.Globalization;
using System.Text;
using BrazeLite.Core.Campaigns;

namespace BrazeLite.Core.Messaging;

/// <summary>
/// The size of a rendered push message against its platform's payload limit.
/// </summary>
/// <remarks>
/// An approximation: <see cref="Bytes"/> is the UTF-8 byte count of the rendered title plus body, the part of the
/// payload the marketer writes. The platform counts the whole JSON payload, so keys, quotes, JSON escaping, the
/// deep link and any extras the sender adds also use the limit; a message close to it may still be refused.
/// </remarks>
/// <param name="Channel">The push channel measured.</param>
/// <param name="Bytes">UTF-8 bytes of title plus body.</param>
/// <param name="Limit">The platform's payload limit in bytes.</param>
public sealed record PushPayloadSize(Channel Channel, int Bytes, int Limit)
{
    /// <summary>Apple's limit for a push payload.</summary>
    public const int AppleLimit = 1912;

    /// <summary>Android's limit, also applied to Kindle and web push.</summary>
    public const int AndroidLimit = 4000;

    public bool Exceeds => Bytes > Limit;

    /// <summary>Bytes still free (negative when over the limit).</summary>
    public int Remaining => Limit - Bytes;

    /// <summary>The payload limit for a push channel.</summary>
    public static int LimitFor(Channel channel) => channel switch
    {
        Channel.ApplePush => AppleLimit,
        Channel.AndroidPush or Channel.KindlePush or Channel.WebPush => AndroidLimit,
        _ => throw new ArgumentException($"{ChannelInfo.Label(channel)} is not a push channel.", nameof(channel)),
    };

    /// <summary>Measures a rendered title and body for <paramref name="channel"/>.</summary>
    public static PushPayloadSize Measure(Channel channel, string? title, string? body) =>
        new(channel, Encoding.UTF8.GetByteCount(title ?? "") + Encoding.UTF8.GetByteCount(body ?? ""), LimitFor(channel));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Bytes:N0} of {Limit:N0} bytes");
}
