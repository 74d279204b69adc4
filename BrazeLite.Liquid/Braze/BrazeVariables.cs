using System.Collections.Frozen;

namespace BrazeLite.Liquid.Braze;

/// <summary>
/// The variables Braze gives a template: the one function that builds them, so a preview and a send of the same
/// message render the same text.
/// </summary>
public static class BrazeVariables
{
    /// <summary>What Braze shows as <c>campaign.${dispatch_id}</c> before a campaign has been sent.</summary>
    public const string UnsentDispatchId = "dispatch_id_for_unsent_campaign";

    /// <summary>Braze's standard user attributes, readable as top-level variables, profile data first.</summary>
    public static IReadOnlyList<BrazeAttribute> StandardAttributes { get; } =
    [
        new("first_name", "First name", true),
        new("last_name", "Last name", true),
        new("email_address", "Email address", true),
        new("phone_number", "Phone number", true),
        new("city", "City", true),
        new("country", "Country", true),
        new("language", "Language", true),
        new("time_zone", "Time zone", true),
        new("gender", "Gender", true),
        new("date_of_birth", "Date of birth", true),
        new("user_id", "User ID", false),
        new("braze_id", "Braze ID", false),
        new("random_bucket_number", "Random bucket number", false),
        new("most_recent_app_version", "Most recent app version", false),
        new("most_recent_locale", "Most recent locale", false),
        new("last_used_app_date", "Last used app date", false),
    ];

    private static readonly FrozenSet<string> StandardNames = StandardAttributes.Select(a => a.Key).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="key"/> is a standard attribute (read as <c>${key}</c>) rather than a custom one.</summary>
    public static bool IsStandardAttribute(string key) => StandardNames.Contains(key);

    /// <summary>
    /// The top-level variables of a render, all in the Liquid value model (hashes as <c>IDictionary&lt;string, object?&gt;</c>):
    /// the user's standard attributes (<c>${first_name}</c>), <c>custom_attribute</c>, <c>api_trigger_properties</c>,
    /// <c>event_properties</c>, <c>campaign</c>, then <paramref name="extraVariables"/>, which win over all of these.
    /// </summary>
    /// <param name="user">
    /// Braze's <c>attributes</c> object: standard attributes become top-level variables; any other key, and the entries of a
    /// <c>custom_attributes</c> (or <c>custom_attribute</c>) object, become <c>custom_attribute.${name}</c>.
    /// </param>
    /// <param name="triggerProperties">The request's <c>trigger_properties</c>.</param>
    /// <param name="eventProperties">The triggering event's properties.</param>
    /// <param name="campaign">The campaign and dispatch; <c>campaign</c> is left out when null.</param>
    /// <param name="extraVariables">Further top-level variables (any CLR data; normalised here).</param>
    public static Dictionary<string, object?> Build(
        IDictionary<string, object?>? user,
        IDictionary<string, object?>? triggerProperties,
        IDictionary<string, object?>? eventProperties = null,
        BrazeCampaign? campaign = null,
        IEnumerable<KeyValuePair<string, object?>>? extraVariables = null)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        var custom = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (user is not null)
        {
            foreach (var (key, value) in user)
            {
                if (StandardNames.Contains(key))
                {
                    variables[key] = value;
                }
                else if (key is "custom_attributes" or "custom_attribute" && value is IDictionary<string, object?> nested)
                {
                    foreach (var (name, attribute) in nested)
                    {
                        custom[name] = attribute;
                    }
                }
                else
                {
                    custom[key] = value;
                }
            }
        }
        variables["custom_attribute"] = custom;
        variables["api_trigger_properties"] = triggerProperties ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        // Adobe Journey Optimizer's name for the same payload: {{context.x}} reads what {{api_trigger_properties.${x}}} reads.
        variables["context"] = variables["api_trigger_properties"];
        variables["event_properties"] = eventProperties ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        if (campaign is not null)
        {
            variables["campaign"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["api_id"] = campaign.ApiId,
                ["name"] = campaign.Name,
                ["message_name"] = campaign.MessageName,
                ["dispatch_id"] = campaign.DispatchId,
            };
        }
        if (extraVariables is not null)
        {
            foreach (var (key, value) in extraVariables)
            {
                variables[key] = LiquidValues.FromClr(value);
            }
        }
        return variables;
    }
}
