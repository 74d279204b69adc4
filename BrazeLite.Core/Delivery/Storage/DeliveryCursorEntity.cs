namespace BrazeLite.Core.Delivery.Storage;

/// <summary>
/// The one row of <c>DeliveryCursor</c>: every message up to <see cref="LastMessageId"/> has been claimed (or was not
/// to be delivered). Messages are written by one writer in id order, so the next claim reads on from here.
/// </summary>
public sealed class DeliveryCursorEntity
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    public long LastMessageId { get; set; }
}
