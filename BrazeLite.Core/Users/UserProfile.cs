using System.Text.Json.Nodes;

namespace BrazeLite.Core.Users;

/// <summary>
/// A user's profile while a request changes it (the ingest writer loads, changes and stores it in one transaction).
/// Attributes keep Braze's <c>/users/track</c> names; <see cref="ToTemplateAttributes"/> gives the names templates read.
/// </summary>
public sealed class UserProfile
{
    /// <summary>The row's id; 0 until stored.</summary>
    public int RowId { get; set; }

    public required string UserId { get; init; }

    public string? ExternalId { get; set; }

    public string? Email { get; set; }

    public string? AliasName { get; set; }

    public string? AliasLabel { get; set; }

    public JsonObject Attributes { get; set; } = [];

    public JsonObject CustomAttributes { get; set; } = [];

    public SubscriptionState? EmailSubscribe { get; set; }

    public SubscriptionState? PushSubscribe { get; set; }

    /// <summary>Subscription group ID to whether the user is subscribed.</summary>
    public Dictionary<string, bool> SubscriptionGroups { get; set; } = new(StringComparer.Ordinal);

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsNew => RowId == 0;

    /// <summary>Whether marketing email may reach the user: not unsubscribed (a new profile counts as subscribed, as in Braze).</summary>
    public bool MayReceiveMarketingEmail => EmailSubscribe != SubscriptionState.Unsubscribed;

    public bool MayReceiveMarketingPush => PushSubscribe != SubscriptionState.Unsubscribed;

    public string? Phone => Attributes["phone"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? Attributes["phone"]!.GetValue<string>() : null;

    /// <summary>
    /// The profile as Braze's template variables name it (<c>email_address</c>, <c>phone_number</c>, <c>city</c>,
    /// <c>date_of_birth</c>, <c>user_id</c>, <c>braze_id</c>), custom attributes under <c>custom_attributes</c>, ready for
    /// <c>BrazeVariables.Build</c>.
    /// </summary>
    public Dictionary<string, object?> ToTemplateAttributes()
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in Attributes)
        {
            if (key != StandardAttributes.PushTokens)
            {
                result[StandardAttributes.TemplateName(key)] = Json.ToClr(value);
            }
        }
        if (Email is not null)
        {
            result["email_address"] = Email;
        }
        result["user_id"] = ExternalId;
        result["braze_id"] = UserId;
        result["custom_attributes"] = Json.ToClr(CustomAttributes);
        return result;
    }
}
