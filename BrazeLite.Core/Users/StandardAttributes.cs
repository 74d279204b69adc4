using System.Collections.Frozen;

namespace BrazeLite.Core.Users;

/// <summary>
/// Braze's standard profile attributes in <c>/users/track</c>, with the name templates read each one by
/// (<c>email</c> is <c>${email_address}</c>, <c>home_city</c> is <c>${city}</c>). Any other key is a custom attribute.
/// </summary>
public static class StandardAttributes
{
    public const string ExternalId = "external_id";
    public const string UserAlias = "user_alias";
    public const string BrazeId = "braze_id";
    public const string UpdateExistingOnly = "_update_existing_only";
    public const string Email = "email";
    public const string EmailSubscribe = "email_subscribe";
    public const string PushSubscribe = "push_subscribe";
    public const string SubscriptionGroups = "subscription_groups";
    public const string PushTokens = "push_tokens";

    /// <summary>Profile fields stored as they are (API name, template name).</summary>
    public static IReadOnlyList<(string ApiName, string TemplateName)> Profile { get; } =
    [
        ("first_name", "first_name"),
        ("last_name", "last_name"),
        ("phone", "phone_number"),
        ("home_city", "city"),
        ("country", "country"),
        ("language", "language"),
        ("time_zone", "time_zone"),
        ("gender", "gender"),
        ("dob", "date_of_birth"),
    ];

    private static readonly FrozenDictionary<string, string> TemplateNames =
        Profile.ToFrozenDictionary(p => p.ApiName, p => p.TemplateName, StringComparer.Ordinal);

    private static readonly FrozenSet<string> Special = new[]
    {
        ExternalId, UserAlias, BrazeId, UpdateExistingOnly, Email, EmailSubscribe, PushSubscribe, SubscriptionGroups, PushTokens,
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsProfileField(string key) => TemplateNames.ContainsKey(key);

    /// <summary>Identifiers and fields with their own rules (not stored as plain attributes).</summary>
    public static bool IsSpecial(string key) => Special.Contains(key);

    public static string TemplateName(string apiName) => TemplateNames.GetValueOrDefault(apiName, apiName);
}
