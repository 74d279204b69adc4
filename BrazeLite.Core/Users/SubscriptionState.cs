namespace BrazeLite.Core.Users;

/// <summary>Braze's <c>email_subscribe</c> and <c>push_subscribe</c> values.</summary>
public enum SubscriptionState
{
    OptedIn,
    Subscribed,
    Unsubscribed,
}

public static class SubscriptionStates
{
    public static string ToApi(SubscriptionState state) => state switch
    {
        SubscriptionState.OptedIn => "opted_in",
        SubscriptionState.Subscribed => "subscribed",
        _ => "unsubscribed",
    };

    public static SubscriptionState? FromApi(string? value) => value switch
    {
        "opted_in" => SubscriptionState.OptedIn,
        "subscribed" => SubscriptionState.Subscribed,
        "unsubscribed" => SubscriptionState.Unsubscribed,
        _ => null,
    };
}
