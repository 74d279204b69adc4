using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Campaigns.Handoff;

/// <summary>
/// The requests a developer makes for a campaign: <c>POST /messages/send</c> for an API campaign and
/// <c>POST /campaigns/trigger/send</c> for an API-triggered one, as JSON and as cURL, ready to copy.
/// </summary>
public static class DeveloperHandoff
{
    public const string MessagesSendPath = "/messages/send";
    public const string TriggerSendPath = "/campaigns/trigger/send";
    public const string ExampleExternalUserId = "user-id-1";
    public const string ListUnsubscribeHeader = "List-Unsubscribe: <{{${set_user_to_one_click_list_unsubscribe}}}>";
    public const string ListUnsubscribePostHeader = "List-Unsubscribe-Post: List-Unsubscribe=One-Click";

    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The body of <c>POST /messages/send</c>: one messaging object per channel with its message variation ID and, as
    /// placeholders, every field the API requires for that channel (the channel's catalogue says which).
    /// </summary>
    public static string MessagesSendJson(Campaign c)
    {
        var messages = new JsonObject();
        foreach (var channel in c.ApiChannels)
        {
            var message = new JsonObject { ["message_variation_id"] = channel.MessageVariationId };
            foreach (var field in ChannelFields.For(channel.Channel).Where(f => f.RequiredInApi && f.ApiKey is not null))
            {
                message[field.ApiKey!] = field.Placeholder ?? "";
            }
            messages[ChannelInfo.ApiKey(channel.Channel)] = message;
        }
        var body = new JsonObject
        {
            ["campaign_id"] = c.CampaignId,
            ["external_user_ids"] = new JsonArray(ExampleExternalUserId),
            ["messages"] = messages,
        };
        return body.ToJsonString(Pretty);
    }

    public static string MessagesSendCurl(Campaign c, string restEndpoint) => Curl(restEndpoint, MessagesSendPath, MessagesSendJson(c));

    /// <summary>
    /// The body of <c>POST /campaigns/trigger/send</c> with one example recipient and, as its trigger properties,
    /// <paramref name="example"/> (the campaign's first saved sample payload) when there is one, otherwise every trigger
    /// property the templates read (<paramref name="triggerPropertyPaths"/>), nested paths as nested objects, each a placeholder.
    /// </summary>
    public static string TriggerSendJson(Campaign c, IReadOnlyList<IReadOnlyList<string>> triggerPropertyPaths, JsonObject? example = null)
    {
        var body = new JsonObject
        {
            ["campaign_id"] = c.CampaignId,
            ["recipients"] = new JsonArray(new JsonObject { ["external_user_id"] = ExampleExternalUserId }),
            ["trigger_properties"] = example?.DeepClone() ?? JsonSerializer.SerializeToNode(TriggerProperties.Sample(triggerPropertyPaths), Pretty),
        };
        return body.ToJsonString(Pretty);
    }

    public static string TriggerSendCurl(Campaign c, IReadOnlyList<IReadOnlyList<string>> triggerPropertyPaths, string restEndpoint,
        JsonObject? example = null) =>
        Curl(restEndpoint, TriggerSendPath, TriggerSendJson(c, triggerPropertyPaths, example));

    /// <summary>The first saved sample payload as an object, when there is one and it is an object.</summary>
    public static (string Name, JsonObject Payload)? Example(CampaignSamples samples)
    {
        foreach (var payload in samples.Payloads)
        {
            try
            {
                if (JsonNode.Parse(payload.Json) is JsonObject parsed)
                {
                    return (payload.Name, parsed);
                }
            }
            catch (JsonException)
            {
            }
        }
        return null;
    }

    private static string Curl(string restEndpoint, string path, string json) =>
        $"curl -X POST '{restEndpoint.Trim().TrimEnd('/')}{path}' \\\n"
        + "  -H 'Content-Type: application/json' \\\n"
        + "  -H 'Authorization: Bearer YOUR-REST-API-KEY' \\\n"
        + $"  --data-raw '{json.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
