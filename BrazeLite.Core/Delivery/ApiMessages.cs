using System.Text.Json;
using System.Text.Json.Nodes;
using BrazeLite.Core.Campaigns;

namespace BrazeLite.Core.Delivery;

/// <summary>A <c>/messages/send</c> messaging object read as a channel message, through the field catalogue's API keys.</summary>
public static class ApiMessages
{
    public static ChannelMessage ToChannelMessage(Channel channel, JsonObject content)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in ChannelFields.For(channel))
        {
            if (field.ApiKey is { } key && content[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                values[field.Key] = value.GetValue<string>();
            }
        }
        // iOS takes alert as {"title": ..., "body": ...} as well as a plain string.
        if (ChannelInfo.IsPush(channel) && content["alert"] is JsonObject alert)
        {
            values[PushFields.Body.Key] = Text(alert["body"]);
            values[PushFields.Title.Key] ??= Text(alert["title"]);
        }
        IEnumerable<WebhookHeader>? headers = null;
        if (channel == Channel.Webhook && content["request_headers"] is JsonObject requested)
        {
            headers = requested.Select(h => new WebhookHeader(h.Key, Text(h.Value) ?? "")).ToList();
        }
        return ChannelMessage.Create(channel, values, headers, content["message_variation_id"] is JsonValue id ? Text(id) : null);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node?.ToJsonString();
}
