namespace BrazeLite.Core.Delivery.Storage;

/// <summary>
/// A row of <c>Deliveries</c>: one accepted message (its <c>Messages</c> row) on its way out, written by the dispatcher
/// only. The row is made when the dispatcher first claims the message, so acceptance writes nothing more than it did.
/// </summary>
public sealed class DeliveryEntity
{
    /// <summary>The message's row in <c>Messages</c>.</summary>
    public long MessageId { get; set; }

    public DeliveryState State { get; set; }

    /// <summary>Attempts begun, the current one included.</summary>
    public int Attempts { get; set; }

    /// <summary>When a <see cref="DeliveryState.Retrying"/> message is due again.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>Until when the dispatcher holds a <see cref="DeliveryState.Sending"/> message; after it (a crash), it is claimed again.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>The sender that took it: <c>capture</c>, <c>smtp</c>, <c>webhook</c>, <c>twilio</c>, <c>fcm</c>, <c>apns</c>, <c>content-cards</c>.</summary>
    public string? Sender { get; set; }

    /// <summary>The rendered message as sent (or captured), as JSON (<see cref="OutboundContent"/>).</summary>
    public string? Content { get; set; }

    /// <summary>Render warnings (variables that rendered empty, connected-content problems), as a JSON array; null when none.</summary>
    public string? Warnings { get; set; }

    /// <summary>Why it failed, or why it was aborted.</summary>
    public string? Error { get; set; }

    /// <summary>The provider's ID for it: the email's <c>Message-ID</c>, Twilio's SID, FCM's message name, APNs' apns-id.</summary>
    public string? ProviderReference { get; set; }

    /// <summary>The provider's last answer: a status and the first bytes of its body.</summary>
    public string? ProviderResponse { get; set; }

    /// <summary>A Content Card's end of life; null for other channels and cards that do not expire.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
