using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Dashboard.Campaigns;

/// <summary>
/// The requests a developer makes for a campaign: <c>POST /messages/send</c> for an API campaign and
/// <c>POST /campaigns/trigger/send</c> for an API-triggered one, as JSON and as cURL, ready to copy.
/// </summary>
public static partial class DeveloperHandoff
{
    public const string MessagesSendPath = "/messages/send";
    public const string TriggerSendPath = "/campaigns/trigger/send";
    public const string ExampleExternalUserId = "user-id-1";
    public const string ListUnsubscribeHeader = "List-Unsubscribe: <{{${set_user_to_one_click_list_unsubscribe}}}>";
    public const string ListUnsubscribePostHeader = "List-Unsubscribe-Post: List-Unsubscribe=One-Click";

    /// <summary>What the campaign page says about API campaigns, under the request.</summary>
    public const string ApiCampaignNotes =
        "API campaigns are not subject to the Global Control Group: every user the request names can receive the message. "
        + "Email sent through an API campaign gets no one-click List-Unsubscribe header unless the request adds both headers "
        + "itself in email.headers:\n"
        + ListUnsubscribeHeader + "\n"
        + ListUnsubscribePostHeader;

    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The body of <c>POST /messages/send</c>: one messaging object per channel, with its required fields as placeholders.</summary>
    public static string MessagesSendJson(CampaignForm c)
    {
        var messages = new JsonObject();
        foreach (var channel in c.Channels)
        {
            var message = new JsonObject { ["message_variation_id"] = channel.MessageVariationId ?? "YOUR-MESSAGE-VARIATION-ID" };
            foreach (var (field, placeholder) in RequiredFields(channel.Channel))
            {
                message[field] = placeholder;
            }
            messages[ChannelInfo.ApiKey(channel.Channel)] = message;
        }
        var body = new JsonObject
        {
            ["campaign_id"] = CampaignIdOf(c),
            ["external_user_ids"] = new JsonArray(ExampleExternalUserId),
            ["messages"] = messages,
        };
        return body.ToJsonString(Pretty);
    }

    public static string MessagesSendCurl(CampaignForm c, string restEndpoint) =>
        Curl(restEndpoint, MessagesSendPath, MessagesSendJson(c));

    /// <summary>
    /// The body of <c>POST /campaigns/trigger/send</c> with one example recipient and every trigger property the
    /// templates use; a dotted path becomes nested objects.
    /// </summary>
    public static string TriggerSendJson(CampaignForm c, IReadOnlyList<string> triggerPropertyPaths)
    {
        var properties = new JsonObject();
        foreach (var path in triggerPropertyPaths)
        {
            var segments = path.Split('.');
            var node = properties;
            for (var i = 0; i < segments.Length; i++)
            {
                var key = segments[i];
                if (i == segments.Length - 1)
                {
                    // A key that is also the parent of a nested key stays an object.
                    if (node[key] is not JsonObject)
                    {
                        node[key] = "example";
                    }
                }
                else
                {
                    if (node[key] is not JsonObject child)
                    {
                        child = new JsonObject();
                        node[key] = child;
                    }
                    node = child;
                }
            }
        }
        var body = new JsonObject
        {
            ["campaign_id"] = CampaignIdOf(c),
            ["recipients"] = new JsonArray(new JsonObject { ["external_user_id"] = ExampleExternalUserId }),
            ["trigger_properties"] = properties,
        };
        return body.ToJsonString(Pretty);
    }

    public static string TriggerSendCurl(CampaignForm c, IReadOnlyList<string> triggerPropertyPaths, string restEndpoint) =>
        Curl(restEndpoint, TriggerSendPath, TriggerSendJson(c, triggerPropertyPaths));

    /// <summary>
    /// Every <c>api_trigger_properties</c> key that the variants' templates use, as dotted paths in the order first
    /// met. Understands <c>api_trigger_properties.${name}</c>, <c>.name</c>, <c>['name']</c> and nested paths.
    /// </summary>
    public static IReadOnlyList<string> TriggerPropertyPaths(CampaignForm c)
    {
        var paths = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var channels = c.Channels.Select(ch => ch.Channel).ToHashSet();
        foreach (var variant in c.Variants)
        {
            foreach (var message in variant.Messages.Where(m => channels.Contains(m.Channel)))
            {
                foreach (var template in TemplatesOf(message))
                {
                    foreach (var path in TriggerPropertyPaths(template))
                    {
                        if (seen.Add(path))
                        {
                            paths.Add(path);
                        }
                    }
                }
            }
        }
        return paths;
    }

    /// <summary>The trigger property paths one template uses.</summary>
    public static IEnumerable<string> TriggerPropertyPaths(string template)
    {
        foreach (Match match in TriggerReference().Matches(template))
        {
            var segments = new List<string>();
            foreach (Capture capture in match.Groups["seg"].Captures)
            {
                var segment = capture.Value;
                string? key = segment switch
                {
                    ['.', '$', '{', ..] => segment[3..^1].Trim(),
                    ['.', ..] => segment[1..],
                    ['[', ..] => QuotedKey().Match(segment) is { Success: true } q ? q.Groups[1].Value : null,
                    _ => null,
                };
                // An index or a size/first/last accessor ends the property path: the property is the list itself.
                if (key is null || (segments.Count > 0 && segment[0] == '.' && key is "size" or "first" or "last"))
                {
                    break;
                }
                if (key.Length == 0)
                {
                    break;
                }
                segments.Add(key);
            }
            if (segments.Count > 0)
            {
                yield return string.Join('.', segments);
            }
        }
    }

    private static IEnumerable<string> TemplatesOf(MessageContentForm m)
    {
        string?[] fields = m.Channel switch
        {
            Channel.Email => [m.From, m.ReplyTo, m.Subject, m.Preheader, m.HtmlBody, m.PlainTextBody],
            Channel.Sms => [m.SmsBody, m.MediaUrl],
            Channel.ApplePush or Channel.AndroidPush or Channel.KindlePush or Channel.WebPush => [m.PushTitle, m.PushBody, m.DeepLink],
            Channel.Webhook => [m.WebhookUrl, .. m.WebhookHeaders.Select(h => h.Value), m.WebhookBody],
            Channel.ContentCard => [m.CardTitle, m.CardDescription, m.CardImageUrl],
            _ => [],
        };
        return fields.Where(f => !string.IsNullOrEmpty(f))!;
    }

    private static IEnumerable<(string Field, string Placeholder)> RequiredFields(Channel channel) => channel switch
    {
        Channel.Email =>
        [
            ("app_id", "YOUR-APP-ID"),
            ("from", "Sender Name <sender@example.com>"),
            ("subject", "YOUR SUBJECT"),
            ("body", "<html><body>YOUR HTML BODY</body></html>"),
        ],
        Channel.Sms =>
        [
            ("subscription_group_id", "YOUR-SUBSCRIPTION-GROUP-ID"),
            ("app_id", "YOUR-APP-ID"),
            ("body", "YOUR SMS BODY"),
        ],
        Channel.ApplePush => [("alert", "YOUR PUSH MESSAGE")],
        Channel.AndroidPush or Channel.KindlePush or Channel.WebPush =>
        [
            ("alert", "YOUR PUSH MESSAGE"),
            ("title", "YOUR PUSH TITLE"),
        ],
        Channel.Webhook =>
        [
            ("url", "https://example.com/YOUR-WEBHOOK"),
            ("request_method", "POST"),
            ("body", "YOUR REQUEST BODY"),
        ],
        Channel.ContentCard =>
        [
            ("type", "CLASSIC"),
            ("title", "YOUR CARD TITLE"),
            ("description", "YOUR CARD DESCRIPTION"),
        ],
        _ => [],
    };

    private static string CampaignIdOf(CampaignForm c) => c.CampaignId ?? "YOUR-CAMPAIGN-ID";

    private static string Curl(string restEndpoint, string path, string json) =>
        $"curl -X POST '{restEndpoint.Trim().TrimEnd('/')}{path}' \\\n"
        + "  -H 'Content-Type: application/json' \\\n"
        + "  -H 'Authorization: Bearer YOUR-REST-API-KEY' \\\n"
        + $"  --data-raw '{json.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    // api_trigger_properties followed by segments: .${name with spaces}, .name, ['name'], ["name"] or [0].
    [GeneratedRegex("""(?<![\w.$])api_trigger_properties(?<seg>\.\$\{[^}]*\}|\.[A-Za-z_][\w-]*|\[\s*'[^']*'\s*\]|\[\s*"[^"]*"\s*\]|\[\s*\d+\s*\])+""")]
    private static partial Regex TriggerReference();

    [GeneratedRegex("""^\[\s*['"](.*)['"]\s*\]$""")]
    private static partial Regex QuotedKey();
}
