using BrazeLite.Liquid;

namespace Dashboard.Preview;

/// <summary>The campaign a preview renders for, exposed to templates as <c>campaign.${api_id}</c> and so on.</summary>
public sealed record PreviewCampaign(string? ApiId, string Name, string? MessageName);

/// <summary>
/// The sample data a template is rendered against, all in the Liquid value model. <see cref="User"/> follows Braze's
/// <c>attributes</c> object: standard attributes (<c>first_name</c>, <c>email_address</c>, ...) become top-level
/// variables (<c>${first_name}</c>); any other key, and the entries of a <c>custom_attributes</c> (or
/// <c>custom_attribute</c>) object, become
/// <c>custom_attribute.${name}</c>.
/// </summary>
public sealed record PreviewData(
    IDictionary<string, object?>? TriggerProperties = null,
    IDictionary<string, object?>? User = null,
    IDictionary<string, object?>? EventProperties = null,
    IDictionary<string, object?>? Variables = null,
    IReadOnlyDictionary<string, string>? Partials = null,
    PreviewCampaign? Campaign = null)
{
    public static readonly PreviewData None = new();

    /// <summary>Sample responses for <c>connected_content</c>, by URL: a preview never calls the URL.</summary>
    public IReadOnlyDictionary<string, string>? ConnectedContent { get; init; }

    /// <summary>Braze's standard user attributes, readable as top-level variables.</summary>
    public static IReadOnlySet<string> StandardAttributes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "first_name", "last_name", "email_address", "phone_number", "city", "country", "gender", "language",
        "date_of_birth", "time_zone", "user_id", "braze_id", "random_bucket_number", "most_recent_app_version",
        "most_recent_locale", "last_used_app_date",
    };

    /// <summary>What Braze shows as the dispatch ID before a campaign has been sent.</summary>
    public const string UnsentDispatchId = "dispatch_id_for_unsent_campaign";

    /// <summary>
    /// The top-level variables of the render: the standard attributes, <c>custom_attribute</c>,
    /// <c>api_trigger_properties</c>, <c>event_properties</c>, <c>campaign</c>, then <see cref="Variables"/>, which
    /// win over all of these.
    /// </summary>
    public Dictionary<string, object?> ToVariables()
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        var custom = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in User ?? new Dictionary<string, object?>())
        {
            if (StandardAttributes.Contains(key))
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
        variables["custom_attribute"] = custom;
        variables["api_trigger_properties"] = TriggerProperties ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        variables["event_properties"] = EventProperties ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        if (Campaign is { } campaign)
        {
            variables["campaign"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["api_id"] = campaign.ApiId,
                ["name"] = campaign.Name,
                ["message_name"] = campaign.MessageName,
                ["dispatch_id"] = UnsentDispatchId,
            };
        }
        foreach (var (key, value) in Variables ?? new Dictionary<string, object?>())
        {
            variables[key] = LiquidValues.FromClr(value);
        }
        return variables;
    }
}
