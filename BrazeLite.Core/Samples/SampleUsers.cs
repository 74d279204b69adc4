using BrazeLite.Liquid.Braze;

namespace BrazeLite.Core.Samples;

/// <summary>Sample users: the standard attributes one can set, and the user as a render reads it.</summary>
public static class SampleUsers
{
    /// <summary>Braze's standard attributes that are profile data (the others Braze keeps itself), with their labels.</summary>
    public static IReadOnlyList<BrazeAttribute> StandardAttributes { get; } = BrazeVariables.StandardAttributes.Where(a => a.Profile).ToList();

    public static bool IsStandard(string key) => StandardAttributes.Any(a => a.Key == key);

    /// <summary>
    /// Braze's <c>attributes</c> object for a render: the non-blank standard attributes, and the custom attributes
    /// under <c>custom_attributes</c> (left out when their text is not a JSON object).
    /// </summary>
    public static IDictionary<string, object?> ToUserHash(IReadOnlyDictionary<string, string> attributes, string? customAttributesJson)
    {
        var user = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in attributes)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                user[key] = value;
            }
        }
        var custom = SamplePayloads.Parse(customAttributesJson, "custom attributes");
        if (custom.IsValid)
        {
            user["custom_attributes"] = custom.Hash;
        }
        return user;
    }
}
