using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Ingest;

namespace Dashboard.Api.Sends;

/// <summary>
/// Checks one messaging object of <c>/messages/send</c> against its channel's required fields and limits
/// (braze-behaviour.md §3), answering Braze's fatal error for the first fault.
/// </summary>
public static class MessagingObjectReader
{
    public const int MaxApplePushBytes = 1912;
    public const int MaxAndroidPushBytes = 4000;
    public const int MaxContentCardSeconds = 30 * 24 * 3600;

    private static readonly string[] WebhookMethods = ["POST", "PUT", "DELETE", "GET"];
    private static readonly string[] CardTypes = ["CLASSIC", "CAPTIONED_IMAGE", "BANNER"];

    public static (MessagingObject? Message, SendAnswer? Error) Read(Channel channel, JsonNode? node)
    {
        var at = $"messages.{ChannelInfo.ApiKey(channel)}";
        if (node is not JsonObject o)
        {
            return Bad($"{at} must be an object.");
        }
        string? variationId = null;
        if (o["message_variation_id"] is { } v)
        {
            if (!JsonText.IsText(v, out var id))
            {
                return Bad($"{at}.message_variation_id must be a non-empty string.");
            }
            variationId = id.Trim().ToLowerInvariant();
        }
        var error = channel switch
        {
            Channel.Email => Email(o, at),
            Channel.Sms => Sms(o, at),
            Channel.ApplePush => Push(o, at, needsTitle: false),
            Channel.AndroidPush or Channel.KindlePush or Channel.WebPush => Push(o, at, needsTitle: true),
            Channel.Webhook => Webhook(o, at),
            Channel.ContentCard => ContentCard(o, at),
            _ => null,
        };
        if (error is not null)
        {
            return (null, error);
        }
        var content = (JsonObject)o.DeepClone();
        content.Remove("message_variation_id");
        if (channel == Channel.ApplePush && Size(content) is var apple and > MaxApplePushBytes)
        {
            return (null, SendAnswer.Fatal("Apple Push Length Exceeded", $"{at} is {apple:N0} bytes of JSON; an iOS push payload holds at most {MaxApplePushBytes:N0}."));
        }
        if (channel is Channel.AndroidPush or Channel.KindlePush && Size(content) is var android and > MaxAndroidPushBytes)
        {
            return (null, SendAnswer.Fatal("Android Push Length Exceeded", $"{at} is {android:N0} bytes of JSON; an Android push payload holds at most {MaxAndroidPushBytes:N0}."));
        }
        return (new MessagingObject(channel, content, variationId), null);
    }

    private static SendAnswer? Email(JsonObject o, string at)
    {
        if (!JsonText.IsText(o["app_id"], out _))
        {
            return Fatal($"{at}.app_id is required (any placeholder string where no app applies).");
        }
        if (!JsonText.IsText(o["from"], out var from) || !EmailAddress.IsValidSender(from))
        {
            return Fatal($"{at}.from is required, as \"Display Name <email@address.com>\" or an address.");
        }
        if (!JsonText.IsText(o["body"], out _))
        {
            return Fatal($"{at}.body (the HTML body) is required.");
        }
        if (o["reply_to"] is { } reply && (!JsonText.IsText(reply, out var replyTo) || !EmailAddress.IsValidSender(replyTo)))
        {
            return Fatal($"{at}.reply_to must be an email address.");
        }
        if (o["bcc"] is { } bcc && (!JsonText.IsText(bcc, out var bccAddress) || !EmailAddress.IsValid(bccAddress)))
        {
            return Fatal($"{at}.bcc must be an email address.");
        }
        foreach (var field in new[] { "subject", "plaintext_body", "preheader" })
        {
            if (o[field] is { } value && value.GetValueKind() != JsonValueKind.String)
            {
                return Fatal($"{at}.{field} must be a string.");
            }
        }
        return StringMap(o["headers"], $"{at}.headers") ?? ObjectOrNull(o["extras"], $"{at}.extras");
    }

    private static SendAnswer? Sms(JsonObject o, string at)
    {
        if (!JsonText.IsText(o["subscription_group_id"], out _))
        {
            return Fatal($"{at}.subscription_group_id is required.");
        }
        if (!JsonText.IsText(o["app_id"], out _))
        {
            return Fatal($"{at}.app_id is required.");
        }
        if (!JsonText.IsText(o["body"], out _))
        {
            return Fatal($"{at}.body is required.");
        }
        if (o["media_items"] is { } media and not JsonArray)
        {
            return Fatal($"{at}.media_items must be an array.");
        }
        return null;
    }

    private static SendAnswer? Push(JsonObject o, string at, bool needsTitle)
    {
        var alert = o["alert"];
        var alertOk = JsonText.IsText(alert, out _)
            || (!needsTitle && alert is JsonObject a && JsonText.IsText(a["body"], out _) && (a["title"] is null || a["title"]!.GetValueKind() == JsonValueKind.String));
        if (!alertOk)
        {
            return Fatal(needsTitle
                ? $"{at}.alert (the notification's text) is required."
                : $"{at}.alert is required: a string, or {{\"title\": \"...\", \"body\": \"...\"}}.");
        }
        if (needsTitle && !JsonText.IsText(o["title"], out _))
        {
            return Fatal($"{at}.title is required.");
        }
        if (o["extra"] is { } extra and not JsonObject)
        {
            return SendAnswer.Fatal("Invalid Extra Push Payload", $"{at}.extra must be an object of keys and values.");
        }
        foreach (var field in new[] { "custom_uri", "image_url" })
        {
            if (o[field] is { } value && (!JsonText.IsText(value, out var url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out _)))
            {
                return Fatal($"{at}.{field} must be an absolute URI.");
            }
        }
        return null;
    }

    private static SendAnswer? Webhook(JsonObject o, string at)
    {
        if (!JsonText.IsText(o["url"], out var url) || !Urls.IsHttpTemplate(url))
        {
            return Fatal($"{at}.url is required: an http or https URL.");
        }
        if (!JsonText.IsText(o["request_method"], out var method) || !WebhookMethods.Contains(method.ToUpperInvariant()))
        {
            return Fatal($"{at}.request_method is required: one of {string.Join(", ", WebhookMethods)}.");
        }
        if (o["body"] is { } body && body.GetValueKind() != JsonValueKind.String)
        {
            return Fatal($"{at}.body must be a string (serialise a JSON body yourself).");
        }
        return StringMap(o["request_headers"], $"{at}.request_headers");
    }

    private static SendAnswer? ContentCard(JsonObject o, string at)
    {
        if (!JsonText.IsText(o["type"], out var type) || !CardTypes.Contains(type))
        {
            return Fatal($"{at}.type is required: one of {string.Join(", ", CardTypes)}.");
        }
        if (!JsonText.IsText(o["title"], out _))
        {
            return Fatal($"{at}.title is required.");
        }
        if (!JsonText.IsText(o["description"], out _))
        {
            return Fatal($"{at}.description is required.");
        }
        if (type != "CLASSIC" && !JsonText.IsText(o["image_url"], out _))
        {
            return Fatal($"{at}.image_url is required for a {type} card.");
        }
        if (o["expire_at"] is not null && o["time_to_live"] is not null)
        {
            return Fatal($"{at} takes expire_at or time_to_live, not both.");
        }
        if (o["expire_at"] is { } expire && (!JsonText.IsText(expire, out var when) || !DateTimeOffset.TryParse(when, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            return Fatal($"{at}.expire_at must be an ISO 8601 time.");
        }
        if (o["time_to_live"] is { } ttl && (ttl.GetValueKind() != JsonValueKind.Number || !ttl.AsValue().TryGetValue<long>(out var seconds) || seconds <= 0 || seconds > MaxContentCardSeconds))
        {
            return Fatal($"{at}.time_to_live must be a number of seconds from 1 to {MaxContentCardSeconds:N0} (30 days).");
        }
        return null;
    }

    private static SendAnswer? StringMap(JsonNode? node, string at)
    {
        if (node is null)
        {
            return null;
        }
        if (node is not JsonObject map || map.Any(p => p.Value?.GetValueKind() != JsonValueKind.String))
        {
            return Fatal($"{at} must be an object of header names and string values.");
        }
        return null;
    }

    private static SendAnswer? ObjectOrNull(JsonNode? node, string at) =>
        node is null or JsonObject ? null : Fatal($"{at} must be an object.");

    private static int Size(JsonObject content) => Encoding.UTF8.GetByteCount(content.ToJsonString());

    private static SendAnswer Fatal(string detail) => SendAnswer.Fatal("Bad Request", detail);

    private static (MessagingObject?, SendAnswer?) Bad(string detail) => (null, Fatal(detail));
}
