namespace BrazeLite.Core.Campaigns;

/// <summary>Lower-case UUID v4 identifiers, as Braze shows them.</summary>
public static class Ids
{
    public static string NewId() => Guid.NewGuid().ToString("D");

    public static bool IsVariationId(string? value) =>
        value is { Length: 36 } && Guid.TryParseExact(value, "D", out _) && value == value.ToLowerInvariant();

    /// <summary>Campaign and variation IDs are kept lower-case; one pasted in upper case still finds its campaign.</summary>
    public static string Key(string id) => id.Trim().ToLowerInvariant();
}
