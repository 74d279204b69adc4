namespace BrazeLite.Core.Users;

/// <summary>The sizes Braze accepts in a profile, events and purchases; the API and the tables read them here.</summary>
public static class UserLimits
{
    /// <summary>External IDs, alias names and labels, app IDs.</summary>
    public const int MaxIdLength = 512;

    public const int MaxEmailLength = 255;

    /// <summary>Event names, product IDs, property names, string property values.</summary>
    public const int MaxNameLength = 255;

    /// <summary>Objects of each kind (attributes, events, purchases) in one <c>/users/track</c> request.</summary>
    public const int MaxObjectsPerKind = 75;

    /// <summary>The most a purchase's <c>quantity</c> may be.</summary>
    public const int MaxQuantity = 100;

    /// <summary>An event's properties, as JSON.</summary>
    public const int MaxEventPropertiesBytes = 100 * 1024;

    /// <summary>A purchase's properties, as JSON.</summary>
    public const int MaxPurchasePropertiesBytes = 50 * 1024;
}
