using System.Text.Json;
using System.Text.Json.Nodes;
using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Ingest;
using BrazeLite.Core.Users;
using Dashboard.Api.Sends;

namespace Dashboard.Api.Ajo;

/// <summary>
/// Turns an AJO unitary execution into a trigger of the campaign: each recipient's <c>context</c> becomes its trigger
/// properties, its <c>namespace</c> says how <c>userId</c> names the user (<c>email</c>, or any other namespace as the
/// external ID), and <c>channelData</c> and <c>profile</c> give the attributes a new profile is made from.
/// </summary>
public static class AjoExecutionReader
{
    public static (TriggerSendRequest? Request, string? Error) Read(JsonObject body)
    {
        if (!JsonText.IsText(body["requestId"], out var requestId) || requestId.Length > SendLimits.MaxRequestIdLength)
        {
            return (null, $"requestId is required: a string of at most {SendLimits.MaxRequestIdLength} characters.");
        }
        if (!JsonText.IsText(body["campaignId"], out var campaignId))
        {
            return (null, "campaignId is required: the campaign's ID from its page in the dashboard.");
        }
        if (body["recipients"] is not JsonArray list || list.Count == 0)
        {
            return (null, $"recipients is required: 1 to {SendLimits.MaxAjoRecipients} recipient objects.");
        }
        if (list.Count > SendLimits.MaxAjoRecipients)
        {
            return (null, $"recipients holds {list.Count} objects; at most {SendLimits.MaxAjoRecipients} per unitary execution.");
        }
        var recipients = new List<TriggerRecipient>(list.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < list.Count; i++)
        {
            var (recipient, error) = ReadRecipient(list[i], i);
            if (error is not null)
            {
                return (null, error);
            }
            if (!seen.Add(recipient!.Key.ToString()))
            {
                return (null, $"recipients[{i}] repeats userId \"{recipient.Key.Value}\"; each recipient appears once per call.");
            }
            recipients.Add(recipient);
        }
        return (new TriggerSendRequest(campaignId.Trim(), recipients, Kind: DispatchKind.AjoExecution, RequestId: requestId), null);
    }

    private static (TriggerRecipient?, string?) ReadRecipient(JsonNode? node, int i)
    {
        var at = $"recipients[{i}]";
        if (node is not JsonObject r)
        {
            return (null, $"{at} must be an object.");
        }
        if (!JsonText.IsText(r["type"], out _))
        {
            return (null, $"{at}.type is required (\"aep\").");
        }
        if (!JsonText.IsText(r["userId"], out var userId) || userId.Length > UserLimits.MaxIdLength)
        {
            return (null, $"{at}.userId is required: a string of at most {UserLimits.MaxIdLength} characters.");
        }
        if (!JsonText.IsText(r["namespace"], out var ns))
        {
            return (null, $"{at}.namespace is required: \"email\", or the identity namespace userId belongs to.");
        }
        UserKey key;
        if (string.Equals(ns, "email", StringComparison.OrdinalIgnoreCase))
        {
            if (!EmailAddress.IsValid(userId))
            {
                return (null, $"{at}.userId must be an email address in the email namespace.");
            }
            key = UserKey.ByEmail(userId);
        }
        else
        {
            key = UserKey.External(userId.Trim());
        }
        if (TriggerSendReader.ReadProperties(r["context"], $"{at}.context", out var context, SendLimits.MaxAjoContextBytes) is { } contextError)
        {
            return (null, contextError);
        }
        if (r["profile"] is not (null or JsonObject) || r["channelData"] is not (null or JsonObject))
        {
            return (null, $"{at}.profile and {at}.channelData must be objects.");
        }
        return (new TriggerRecipient(key, context, SendToExistingOnly: false, Attributes: Attributes(key, r)), null);
    }

    /// <summary>The XDM fields BrazeLite keeps on a profile: name, email and phone, from <c>profile</c> and <c>channelData</c>.</summary>
    private static JsonObject Attributes(UserKey key, JsonObject r)
    {
        var attributes = new JsonObject();
        var profile = r["profile"] as JsonObject;
        var channel = r["channelData"] as JsonObject;
        void Set(string name, JsonNode? value)
        {
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Trim().Length > 0)
            {
                attributes[name] = v.GetValue<string>().Trim();
            }
        }
        Set("first_name", profile?["person"]?["name"]?["firstName"]);
        Set("last_name", profile?["person"]?["name"]?["lastName"]);
        Set("email", profile?["personalEmail"]?["address"]);
        Set("email", channel?["emailAddress"]);
        Set("phone", profile?["mobilePhone"]?["number"]);
        Set("phone", channel?["mobilePhoneNumber"]);
        if (key.Kind == UserKeyKind.Email)
        {
            attributes["email"] = key.Value;
        }
        return attributes;
    }
}
