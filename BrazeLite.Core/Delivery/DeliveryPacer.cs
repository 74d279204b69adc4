namespace BrazeLite.Core.Delivery;

/// <summary>
/// Paces each throttled campaign ("Throttle delivery", 1 to 2,000 messages per second): every message takes the next
/// free slot of its campaign's lane. A slot within <see cref="MaxWait"/> is waited for in memory; a later one parks the
/// message in the queue until its place in line comes, so a slow campaign never holds the dispatcher's slots.
/// </summary>
public sealed class DeliveryPacer
{
    /// <summary>The longest wait held in memory.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(1);

    private readonly Dictionary<int, Lane> _lanes = [];

    /// <summary>A slot for one message of campaign <paramref name="campaignRowId"/>: wait this long, or park it until then.</summary>
    public (TimeSpan Wait, DateTimeOffset? ParkUntil) Take(int campaignRowId, int perSecond, DateTimeOffset now)
    {
        var interval = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / Math.Max(1, perSecond));
        lock (_lanes)
        {
            if (!_lanes.TryGetValue(campaignRowId, out var lane))
            {
                _lanes[campaignRowId] = lane = new Lane();
            }
            if (lane.Next < now)
            {
                lane.Next = now;
            }
            if (lane.Next - now <= MaxWait)
            {
                var slot = lane.Next;
                lane.Next += interval;
                return (slot - now, null);
            }
            // Behind those already parked: each comes back at about its own turn.
            if (lane.Parked < lane.Next)
            {
                lane.Parked = lane.Next;
            }
            var until = lane.Parked;
            lane.Parked += interval;
            return (TimeSpan.Zero, until);
        }
    }

    private sealed class Lane
    {
        public DateTimeOffset Next;
        public DateTimeOffset Parked;
    }
}
