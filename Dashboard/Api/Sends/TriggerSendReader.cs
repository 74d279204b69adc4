using System.Text.Json;
using System.Text.Json.Nodes;
using BrazeLite.Core.Ingest;
using BrazeLite.Core.Users;

namespace Dashboard.Api.Sends;

/// <summary>
/// Turns a <c>/campaigns/trigger/send</c> body into a request, or into Braze's fatal error naming the first fault
/// (nothing is written for a malformed request).
/// </summary>
public static class TriggerSendReader
{
    public const string NoRecipients = "No Recipients";
    public const string TooManyRecipients = "The max number of external_ids and aliases per request was exceeded";
    public const string BadCampaignId = "campaign_id must be a string of the campaign api identifier";

    private static readonly HashSet<string> Unsupported = new(["audience", "attachments"], StringComparer.Ordinal);

    public static (TriggerSendRequest? Request, SendAnswer? Error) Read(JsonObject body)
    {
        if (body["campaign_id"] is not JsonValue idValue || idValue.GetValueKind() != JsonValueKind.String || idValue.GetValue<string>().Trim().Length == 0)
        {
            return Fail(BadCampaignId);
        }
        var campaignId = idValue.GetValue<string>().Trim();
        foreach (var key in body.Select(p => p.Key).Where(Unsupported.Contains))
        {
            return Fail("Bad Request", $"{key} is not supported by BrazeLite; name the recipients in \"recipients\".");
        }
        if (ReadSendId(body, out var sendId) is { } sendIdError)
        {
            return Fail("Bad Request", sendIdError);
        }
        if (ReadProperties(body["trigger_properties"], "trigger_properties", out var properties, out var propertiesJson) is { } propertiesError)
        {
            return Fail("Bad Request", propertiesError);
        }
        var broadcast = false;
        if (body["broadcast"] is { } broadcastNode)
        {
            if (broadcastNode.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                return Fail("Bad Request", "broadcast must be true or false.");
            }
            broadcast = broadcastNode.GetValue<bool>();
        }

        var recipientsNode = body["recipients"];
        if (recipientsNode is not null and not JsonArray)
        {
            return Fail("Bad Request", "recipients must be an array of recipient objects.");
        }
        var list = recipientsNode as JsonArray ?? [];
        if (broadcast && list.Count > 0)
        {
            return Fail("Bad Request", "broadcast: true sends to every eligible user, so it cannot be combined with recipients; remove one of them.");
        }
        if (!broadcast && list.Count == 0)
        {
            return Fail(NoRecipients, "Name at least one recipient in \"recipients\", or send \"broadcast\": true.");
        }
        if (list.Count > SendLimits.MaxRecipients)
        {
            return Fail(TooManyRecipients, $"recipients holds {list.Count} objects; at most {SendLimits.MaxRecipients} per request.");
        }
        var recipients = new List<TriggerRecipient>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var (recipient, error) = ReadRecipient(list[i], i);
            if (error is not null)
            {
                return Fail("Bad Request", error);
            }
            recipients.Add(recipient!);
        }
        return (new TriggerSendRequest(campaignId, recipients, properties, sendId, broadcast) { TriggerPropertiesJson = propertiesJson }, null);
    }

    /// <summary>Reads <c>send_id</c>: ASCII, at most 64 characters.</summary>
    public static string? ReadSendId(JsonObject body, out string? sendId)
    {
        sendId = null;
        if (body["send_id"] is not { } node)
        {
            return null;
        }
        if (node.GetValueKind() != JsonValueKind.String)
        {
            return "send_id must be a string.";
        }
        var value = node.GetValue<string>();
        if (value.Length == 0 || value.Length > SendLimits.MaxSendIdLength || !value.All(char.IsAscii))
        {
            return $"send_id must be 1 to {SendLimits.MaxSendIdLength} ASCII characters.";
        }
        sendId = value;
        return null;
    }

    /// <summary>Reads a properties object of at most 50 KB (as JSON).</summary>
    public static string? ReadProperties(JsonNode? node, string name, out JsonObject? properties, int maxBytes = SendLimits.MaxTriggerPropertiesBytes) =>
        ReadProperties(node, name, out properties, out _, maxBytes);

    /// <summary>Reads a properties object of at most 50 KB, measured as <paramref name="json"/>, the JSON it is stored as.</summary>
    public static string? ReadProperties(JsonNode? node, string name, out JsonObject? properties, out string? json, int maxBytes = SendLimits.MaxTriggerPropertiesBytes)
    {
        properties = null;
        json = null;
        if (node is null)
        {
            return null;
        }
        if (node is not JsonObject obj)
        {
            return $"{name} must be a JSON object.";
        }
        var written = Json.Write(obj);
        var size = System.Text.Encoding.UTF8.GetByteCount(written);
        if (size > maxBytes)
        {
            return $"{name} has {size:N0} bytes of JSON; at most {maxBytes:N0}.";
        }
        properties = obj;
        json = written;
        return null;
    }

    private static (TriggerRecipient? Recipient, string? Error) ReadRecipient(JsonNode? node, int i)
    {
        var at = $"recipients[{i}]";
        if (node is not JsonObject r)
        {
            return (null, $"{at} must be an object.");
        }
        var keys = new List<UserKey>();
        if (r["external_user_id"] is { } external)
        {
            if (!JsonText.IsText(external, out var id) || id.Length > UserLimits.MaxIdLength)
            {
                return (null, $"{at}.external_user_id must be a non-empty string of at most {UserLimits.MaxIdLength} characters.");
            }
            keys.Add(UserKey.External(id));
        }
        if (r["user_alias"] is { } alias)
        {
            if (alias is not JsonObject a || !JsonText.IsText(a["alias_name"], out var name) || !JsonText.IsText(a["alias_label"], out var label))
            {
                return (null, $"{at}.user_alias must be {{\"alias_name\": \"...\", \"alias_label\": \"...\"}}.");
            }
            keys.Add(UserKey.Alias(label, name));
        }
        if (r["email"] is { } email)
        {
            if (!JsonText.IsText(email, out var address) || !BrazeLite.Core.Campaigns.EmailAddress.IsValid(address))
            {
                return (null, $"{at}.email must be an email address.");
            }
            keys.Add(UserKey.ByEmail(address));
        }
        if (r["braze_id"] is { } brazeId)
        {
            if (!JsonText.IsText(brazeId, out var id))
            {
                return (null, $"{at}.braze_id must be a non-empty string.");
            }
            keys.Add(new UserKey(UserKeyKind.BrazeId, id));
        }
        if (keys.Count != 1)
        {
            return (null, $"{at} must name its user with exactly one of external_user_id, user_alias, email or braze_id.");
        }
        if (ReadProperties(r["trigger_properties"], $"{at}.trigger_properties", out var properties) is { } propertiesError)
        {
            return (null, propertiesError);
        }
        var existingOnly = true;
        if (r["send_to_existing_only"] is { } existing)
        {
            if (existing.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                return (null, $"{at}.send_to_existing_only must be true or false.");
            }
            existingOnly = existing.GetValue<bool>();
        }
        if (r["attributes"] is { } attributesNode and not JsonObject)
        {
            return (null, $"{at}.attributes must be an object of user attributes.");
        }
        var attributes = r["attributes"] as JsonObject;
        if (!existingOnly && attributes is null)
        {
            return (null, $"{at}: send_to_existing_only: false creates the user from its attributes; add \"attributes\".");
        }
        if (!existingOnly && keys[0].Kind == UserKeyKind.Alias)
        {
            return (null, $"{at}: send_to_existing_only: false cannot create a user from an alias; use external_user_id or email.");
        }
        return (new TriggerRecipient(keys[0], properties, existingOnly, attributes), null);
    }

    private static (TriggerSendRequest?, SendAnswer?) Fail(string message, params string[] errors) => (null, SendAnswer.Fatal(message, errors));
}
