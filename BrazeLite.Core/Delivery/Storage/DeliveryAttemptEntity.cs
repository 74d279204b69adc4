namespace BrazeLite.Core.Delivery.Storage;

/// <summary>A row of <c>DeliveryAttempts</c>: one hand-over of a message to its provider, and how it ended.</summary>
public sealed class DeliveryAttemptEntity
{
    public long Id { get; set; }

    public long MessageId { get; set; }

    /// <summary>1 for the first attempt.</summary>
    public int Number { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>What came of it: "Delivered", "503 Service Unavailable", "Timed out after 10 s", "Interrupted by a restart".</summary>
    public string Outcome { get; set; } = "";

    /// <summary>Whether another attempt followed (or may follow) it.</summary>
    public bool Retried { get; set; }
}
