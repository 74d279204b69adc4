namespace BrazeLite.Core.Users.Storage;

/// <summary>
/// A row of <c>Users</c>: a profile found by its external ID, alias or email. Attributes are JSON objects under Braze's
/// <c>/users/track</c> names; the subscription states have their own columns since sends filter on them.
/// </summary>
public sealed class UserEntity
{
    public int Id { get; set; }

    /// <summary>BrazeLite's own identifier of the profile (Braze's <c>braze_id</c>).</summary>
    public string UserId { get; set; } = "";

    public string? ExternalId { get; set; }

    /// <summary>Lower-case; several profiles may share one, as in Braze.</summary>
    public string? Email { get; set; }

    public string? AliasName { get; set; }

    public string? AliasLabel { get; set; }

    /// <summary>Standard attributes (<c>first_name</c>, <c>home_city</c>, ...) as a JSON object.</summary>
    public string Attributes { get; set; } = "{}";

    /// <summary>Custom attributes as a JSON object, values of any JSON type.</summary>
    public string CustomAttributes { get; set; } = "{}";

    /// <summary><c>opted_in</c>, <c>subscribed</c> or <c>unsubscribed</c>; null until set (counts as subscribed).</summary>
    public string? EmailSubscribe { get; set; }

    public string? PushSubscribe { get; set; }

    /// <summary>Subscription group ID to <c>subscribed</c> or <c>unsubscribed</c>, as a JSON object.</summary>
    public string SubscriptionGroups { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
