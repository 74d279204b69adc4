namespace BrazeLite.Core.Delivery;

/// <summary>
/// Where an accepted message is on its way out. A message the dispatcher has not claimed yet has no delivery row and
/// reads as queued.
/// </summary>
public enum DeliveryState
{
    /// <summary>Claimed by the dispatcher: being rendered or handed to the provider.</summary>
    Sending,

    /// <summary>A transient failure; another attempt is due at <c>NextAttemptAt</c>.</summary>
    Retrying,

    /// <summary>Waiting for its turn under the campaign's delivery pace ("Throttle delivery"), due at <c>NextAttemptAt</c>.</summary>
    Throttled,

    /// <summary>Handed to the provider, which accepted it.</summary>
    Delivered,

    /// <summary>Rendered and kept in the Test inbox: the channel is in capture mode, nothing left BrazeLite.</summary>
    Captured,

    /// <summary>Not delivered: a render error, a permanent refusal, or the last of the attempts failed.</summary>
    Failed,

    /// <summary><c>abort_message</c> stopped it: not sent, not counted as sent.</summary>
    Aborted,
}

/// <summary>How the activity log names a message's delivery state.</summary>
public static class DeliveryStates
{
    public const string Queued = "Queued";

    public static string Label(DeliveryState? state) => state switch
    {
        null => Queued,
        DeliveryState.Sending => "Sending",
        DeliveryState.Retrying => "Retrying",
        DeliveryState.Throttled => "Throttled",
        DeliveryState.Delivered => "Delivered",
        DeliveryState.Captured => "Captured",
        DeliveryState.Failed => "Failed",
        DeliveryState.Aborted => "Aborted",
        _ => state.ToString()!,
    };

    /// <summary>Whether nothing more will happen to the message.</summary>
    public static bool IsFinal(DeliveryState state) =>
        state is DeliveryState.Delivered or DeliveryState.Captured or DeliveryState.Failed or DeliveryState.Aborted;
}
