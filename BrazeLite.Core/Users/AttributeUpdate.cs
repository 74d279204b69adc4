using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BrazeLite.Core.Campaigns;

namespace BrazeLite.Core.Users;

/// <summary>
/// Applies a Braze attributes object to a profile: standard fields checked one by one, custom attributes of any JSON type
/// (null removes one). A bad value is skipped with a message and the rest still applies, as Braze does.
/// </summary>
public static class AttributeUpdate
{
    private static readonly HashSet<string> Genders = new(["M", "F", "O", "N", "P", "U"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Applies <paramref name="attributes"/> to <paramref name="profile"/>; returns the problems, each naming its key.</summary>
    public static List<string> Apply(UserProfile profile, JsonObject attributes)
    {
        var problems = new List<string>();
        foreach (var (key, value) in attributes)
        {
            switch (key)
            {
                case StandardAttributes.ExternalId or StandardAttributes.UserAlias or StandardAttributes.BrazeId or StandardAttributes.UpdateExistingOnly:
                    break; // identifiers: how the profile was found, not changes to it
                case StandardAttributes.Email:
                    ApplyEmail(profile, value, problems);
                    break;
                case StandardAttributes.EmailSubscribe:
                    if (ReadState(key, value, problems) is { } emailState)
                    {
                        profile.EmailSubscribe = emailState;
                    }
                    break;
                case StandardAttributes.PushSubscribe:
                    if (ReadState(key, value, problems) is { } pushState)
                    {
                        profile.PushSubscribe = pushState;
                    }
                    break;
                case StandardAttributes.SubscriptionGroups:
                    ApplyGroups(profile, value, problems);
                    break;
                case StandardAttributes.PushTokens:
                    PushTokens.Apply(profile, value, problems);
                    break;
                default:
                    if (StandardAttributes.IsProfileField(key))
                    {
                        ApplyProfileField(profile, key, value, problems);
                    }
                    else
                    {
                        ApplyCustom(profile, key, value, problems);
                    }
                    break;
            }
        }
        return problems;
    }

    private static void ApplyEmail(UserProfile profile, JsonNode? value, List<string> problems)
    {
        if (value is null)
        {
            profile.Email = null;
            return;
        }
        if (value.GetValueKind() != JsonValueKind.String || !EmailAddress.IsValid(value.GetValue<string>()) || value.GetValue<string>().Length > UserLimits.MaxEmailLength)
        {
            problems.Add($"email: {Show(value)} is not an email address.");
            return;
        }
        profile.Email = value.GetValue<string>().Trim().ToLowerInvariant();
    }

    private static SubscriptionState? ReadState(string key, JsonNode? value, List<string> problems)
    {
        var state = value?.GetValueKind() == JsonValueKind.String ? SubscriptionStates.FromApi(value.GetValue<string>()) : null;
        if (state is null)
        {
            problems.Add($"{key}: {Show(value)} is not one of opted_in, subscribed, unsubscribed.");
        }
        return state;
    }

    private static void ApplyGroups(UserProfile profile, JsonNode? value, List<string> problems)
    {
        if (value is not JsonArray groups)
        {
            problems.Add("subscription_groups: must be an array of {\"subscription_group_id\", \"subscription_state\"} objects.");
            return;
        }
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i] is not JsonObject group
                || group["subscription_group_id"]?.GetValueKind() != JsonValueKind.String
                || group["subscription_state"]?.GetValueKind() != JsonValueKind.String
                || group["subscription_state"]!.GetValue<string>() is not ("subscribed" or "unsubscribed"))
            {
                problems.Add($"subscription_groups[{i}]: needs a subscription_group_id and a subscription_state of subscribed or unsubscribed.");
                continue;
            }
            profile.SubscriptionGroups[group["subscription_group_id"]!.GetValue<string>()] = group["subscription_state"]!.GetValue<string>() == "subscribed";
        }
    }

    private static void ApplyProfileField(UserProfile profile, string key, JsonNode? value, List<string> problems)
    {
        if (value is null)
        {
            profile.Attributes.Remove(key);
            return;
        }
        if (value.GetValueKind() != JsonValueKind.String)
        {
            problems.Add($"{key}: must be a string, not {Kind(value)}.");
            return;
        }
        var text = value.GetValue<string>().Trim();
        string? problem = key switch
        {
            "gender" when !Genders.Contains(text) => $"gender: {Show(value)} is not one of M, F, O, N, P, U.",
            "dob" when !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) =>
                $"dob: {Show(value)} is not a date written YYYY-MM-DD.",
            "time_zone" when !TimeZoneInfo.TryFindSystemTimeZoneById(text, out _) => $"time_zone: {Show(value)} is not a time zone name such as Europe/Paris.",
            _ when text.Length > UserLimits.MaxNameLength => $"{key}: has {text.Length} characters; at most {UserLimits.MaxNameLength}.",
            _ => null,
        };
        if (problem is not null)
        {
            problems.Add(problem);
            return;
        }
        profile.Attributes[key] = key == "gender" ? text.ToUpperInvariant() : text;
    }

    private static void ApplyCustom(UserProfile profile, string key, JsonNode? value, List<string> problems)
    {
        if (key.Length == 0 || key.Length > UserLimits.MaxNameLength || key.StartsWith('$'))
        {
            problems.Add($"\"{key}\": a custom attribute's name has 1 to {UserLimits.MaxNameLength} characters and does not start with $.");
            return;
        }
        if (value is null)
        {
            profile.CustomAttributes.Remove(key);
            return;
        }
        if (value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length > UserLimits.MaxNameLength)
        {
            problems.Add($"{key}: a string attribute holds at most {UserLimits.MaxNameLength} characters; this one has {value.GetValue<string>().Length}.");
            return;
        }
        profile.CustomAttributes[key] = value.DeepClone();
    }

    private static string Show(JsonNode? value) => value is null ? "null" : value.ToJsonString();

    private static string Kind(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
