using BrazeLite.Core.Campaigns;

namespace BrazeLite.Core.Delivery.Senders;

/// <summary>
/// Hands a rendered message to its provider over the provider's own protocol. One attempt per call: the dispatcher
/// retries transient failures. A sender throws only for what it cannot classify; the dispatcher treats that as transient.
/// </summary>
public interface IChannelSender
{
    /// <summary>The name recorded with each delivery of <paramref name="channel"/> (<c>smtp</c>, <c>webhook</c>, <c>twilio</c>, <c>fcm</c>...).</summary>
    string NameFor(Channel channel);

    /// <summary>Whether it is configured to send <paramref name="channel"/> for real (the Test inbox takes the rest).</summary>
    bool IsLiveFor(Channel channel);

    bool Handles(Channel channel);

    Task<SendResult> SendAsync(OutboundContent content, SendContext context, CancellationToken ct);
}

/// <summary>Which message an attempt is for: providers that de-duplicate get a stable key from it.</summary>
public sealed record SendContext(long MessageId, string DispatchId, int Attempt)
{
    /// <summary>The same for every attempt of one message, so a provider that honours it drops a repeat.</summary>
    public string IdempotencyKey => $"brazelite-{DispatchId}-{MessageId}";
}

public enum SendOutcome
{
    /// <summary>The provider accepted it.</summary>
    Delivered,

    /// <summary>Kept in the Test inbox; nothing left BrazeLite.</summary>
    Captured,

    /// <summary>May work on another attempt: a network error, a timeout, 429, 5xx, an SMTP 4xx.</summary>
    Transient,

    /// <summary>Will not work on another attempt: a 4xx refusal, an SMTP 5xx, a message the provider cannot take.</summary>
    Permanent,
}

/// <summary>How one attempt ended.</summary>
/// <param name="Outcome">Its class.</param>
/// <param name="Description">In a few words, for the activity log: "250 2.0.0 OK", "503 Service Unavailable", "Timed out after 10 s".</param>
/// <param name="Reference">The provider's ID for the message.</param>
/// <param name="Response">The provider's answer: its status and the first bytes of its body.</param>
/// <param name="RetryAfter">How long the provider asked to wait (<c>Retry-After</c>).</param>
public sealed record SendResult(SendOutcome Outcome, string Description, string? Reference = null, string? Response = null, TimeSpan? RetryAfter = null)
{
    public bool IsSuccess => Outcome is SendOutcome.Delivered or SendOutcome.Captured;

    public static SendResult Transient(string description, string? response = null, TimeSpan? retryAfter = null) =>
        new(SendOutcome.Transient, description, null, response, retryAfter);

    public static SendResult Permanent(string description, string? response = null) => new(SendOutcome.Permanent, description, null, response);
}
