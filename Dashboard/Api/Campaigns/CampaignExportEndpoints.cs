using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Exports;
using BrazeLite.Core.Ingest;
using Dashboard.Api.Authentication;
using Dashboard.Api.Sends;

namespace Dashboard.Api.Campaigns;

/// <summary>
/// <c>GET /campaigns/list</c>, <c>GET /campaigns/details</c>, <c>GET /campaigns/data_series</c> and
/// <c>POST /sends/id/create</c>, answered as Braze does.
/// </summary>
public static partial class CampaignExportEndpoints
{
    public const string BadCampaignId = TriggerSendReader.BadCampaignId;

    public static async Task<IResult> ListAsync(HttpRequest request, CampaignExportService exports, CancellationToken ct)
    {
        var q = request.Query;
        var page = 0;
        if (q.TryGetValue("page", out var pageText) && !string.IsNullOrEmpty(pageText) && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page > 100_000))
        {
            return Error("Bad Request", $"page must be a whole number from 0 (got \"{pageText}\").");
        }
        if (Bool(q, "include_archived", out var archived) is { } archivedError)
        {
            return Error("Bad Request", archivedError);
        }
        var descending = false;
        if (q.TryGetValue("sort_direction", out var direction) && !string.IsNullOrEmpty(direction))
        {
            if (direction != "desc" && direction != "asc")
            {
                return Error("Bad Request", "sort_direction must be \"asc\" (oldest first) or \"desc\" (newest first).");
            }
            descending = direction == "desc";
        }
        DateTimeOffset? after = null;
        if (q.TryGetValue("last_edit.time[gt]", out var afterText) && !string.IsNullOrEmpty(afterText))
        {
            if (ParseTime(afterText!) is not { } parsed)
            {
                return Error("Bad Request", $"last_edit.time[gt] must be a time such as 2020-06-28T23:59:59-05:00 (got \"{afterText}\").");
            }
            after = parsed;
        }
        var campaigns = await exports.ListAsync(new CampaignListQuery(page, archived, descending, after), ct);
        return TypedResults.Json(new
        {
            message = SendAnswer.Success,
            campaigns = campaigns.Select(c => new
            {
                id = c.CampaignId,
                last_edited = Iso(c.LastEdited),
                name = c.Name,
                is_api_campaign = c.IsApiCampaign,
                tags = c.Tags,
            }),
        }, ApiJson.Options);
    }

    public static async Task<IResult> DetailsAsync(HttpRequest request, CampaignExportService exports, CancellationToken ct)
    {
        var id = request.Query["campaign_id"].ToString().Trim();
        if (id.Length == 0 || await exports.DetailsAsync(id, ct) is not { } found)
        {
            return Error(BadCampaignId, id.Length == 0 ? "Add the campaign_id query parameter." : $"No campaign has the campaign_id \"{id}\".");
        }
        var (c, sent) = found;
        return TypedResults.Json(new Dictionary<string, object?>
        {
            ["message"] = SendAnswer.Success,
            ["created_at"] = Iso(c.CreatedAt),
            ["updated_at"] = Iso(c.UpdatedAt),
            ["archived"] = c.Status == CampaignStatus.Archived,
            ["draft"] = c.Status == CampaignStatus.Draft,
            ["enabled"] = c.Status == CampaignStatus.Active,
            ["has_post_launch_draft"] = false,
            ["name"] = c.Name,
            ["description"] = c.Description ?? "",
            ["schedule_type"] = c.Type == CampaignType.Api ? "api" : "api_triggered",
            ["channels"] = c.Channels.Select(ChannelInfo.ApiKey).ToList(),
            ["first_sent"] = sent.FirstSent is { } first ? Iso(first) : null,
            ["last_sent"] = sent.LastSent is { } last ? Iso(last) : null,
            ["tags"] = c.Tags,
            ["teams"] = Array.Empty<string>(),
            ["messages"] = Messages(c),
            ["conversion_behaviors"] = c.ConversionEvents.Select(ConversionBehavior).ToList(),
        }, ApiJson.Options);
    }

    /// <summary>
    /// The campaign's results per UTC day, for <c>length</c> days (1 to 100) up to <c>ending_at</c> (default now): the
    /// users sent to, and per channel each variation's sent, delivered and failed counts under Braze's names (an
    /// email's failures are <c>bounces</c>, a webhook's <c>errors</c>); the control group's <c>enrolled</c>. Opens,
    /// clicks and conversions are not counted yet, so they are left out rather than given as 0.
    /// </summary>
    public static async Task<IResult> DataSeriesAsync(HttpRequest request, CampaignExportService exports, TimeProvider time, CancellationToken ct)
    {
        var q = request.Query;
        var id = q["campaign_id"].ToString().Trim();
        if (id.Length == 0)
        {
            return Error(BadCampaignId, "Add the campaign_id query parameter.");
        }
        var lengthText = q["length"].ToString().Trim();
        if (lengthText.Length == 0)
        {
            return Error("Bad Request", "Add the length query parameter: how many days (1 to 100) to report, ending with ending_at's.");
        }
        if (!int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length is < 1 or > 100)
        {
            return Error("Bad Request", $"length must be a whole number of days from 1 to 100 (got \"{lengthText}\").");
        }
        var endingAt = time.GetUtcNow();
        if (q.TryGetValue("ending_at", out var endText) && !string.IsNullOrEmpty(endText))
        {
            if (ParseTime(endText!) is not { } parsed)
            {
                return Error("Bad Request", $"ending_at must be a time such as 2020-06-28T23:59:59-05:00 (got \"{endText}\").");
            }
            endingAt = parsed;
        }
        if (await exports.DataSeriesAsync(id, length, endingAt, ct) is not { } found)
        {
            return Error(BadCampaignId, $"No campaign has the campaign_id \"{id}\".");
        }
        return TypedResults.Json(new { message = SendAnswer.Success, data = found.Days.Select(day => Day(found.Campaign, day)) }, ApiJson.Options);
    }

    // One day of data_series: the variations grouped under their channel's data_series name; the control group under
    // the campaign's first channel, as Braze lists it.
    private static Dictionary<string, object> Day(Campaign campaign, CampaignDay day)
    {
        var messages = new Dictionary<string, List<Dictionary<string, object>>>(StringComparer.Ordinal);
        foreach (var v in day.Variations)
        {
            var channel = v.Variation.Channel ?? (campaign.Channels.Count > 0 ? campaign.Channels[0] : (Channel?)null);
            if (channel is not { } c)
            {
                continue;
            }
            var stats = new Dictionary<string, object> { ["variation_api_id"] = v.Variation.VariationId, ["variation_name"] = v.Variation.Name };
            if (v.Variation.Kind == VariationKind.Control)
            {
                stats["variation_name"] = "Control Group"; // Braze's analytics name it so
                stats["enrolled"] = v.Enrolled;
            }
            else
            {
                stats["sent"] = v.Sent;
                switch (c)
                {
                    case Channel.Email:
                        stats["delivered"] = v.Delivered;
                        stats["bounces"] = v.Failed;
                        break;
                    case Channel.Sms:
                        stats["delivered"] = v.Delivered;
                        stats["delivery_failed"] = v.Failed;
                        break;
                    case Channel.Webhook:
                        stats["errors"] = v.Failed;
                        break;
                    case Channel.ContentCard:
                        break;
                    default:
                        stats["bounces"] = v.Failed;
                        break;
                }
            }
            var key = DataSeriesKey(c);
            if (!messages.TryGetValue(key, out var list))
            {
                messages[key] = list = [];
            }
            list.Add(stats);
        }
        return new Dictionary<string, object>
        {
            ["time"] = day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["unique_recipients"] = day.UniqueRecipients,
            ["messages"] = messages,
        };
    }

    // data_series names the channels as Braze's analytics do, not as the messaging objects (ios_push, not apple_push).
    private static string DataSeriesKey(Channel channel) => channel switch
    {
        Channel.ApplePush => "ios_push",
        Channel.ContentCard => "content_cards",
        _ => ChannelInfo.ApiKey(channel),
    };

    public static async Task<IResult> CreateSendIdAsync(HttpContext context, CampaignExportService exports, CancellationToken ct)
    {
        var (body, bodyError, status) = await JsonBody.ReadAsync(context.Request, ct, hash: false);
        if (body is null)
        {
            return TypedResults.Json(new BrazeError(bodyError!.Message, bodyError.Errors), ApiJson.Options, statusCode: status);
        }
        if (!JsonText.IsText(body.Root["campaign_id"], out var campaignId))
        {
            return Error(BadCampaignId, "Add \"campaign_id\": the campaign's API identifier.");
        }
        if (TriggerSendReader.ReadSendId(body.Root, out var sendId) is { } sendIdError)
        {
            return Error("Bad Request", sendIdError);
        }
        var keyId = ApiKeyAuthentication.KeyIdOf(context);
        if (await exports.CreateSendIdAsync(campaignId.Trim(), sendId, keyId, ct) is not { } made)
        {
            return Error(BadCampaignId, $"No campaign has the campaign_id \"{campaignId.Trim()}\".");
        }
        return TypedResults.Json(new { message = SendAnswer.Success, send_id = made }, ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>The variations keyed by <c>message_variation_id</c>: each variant's message per channel, then the control group.</summary>
    private static Dictionary<string, object> Messages(Campaign c)
    {
        var messages = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var variant in c.Variants)
        {
            foreach (var message in variant.Messages.Where(m => m.MessageVariationId is not null))
            {
                var fields = new JsonObject { ["channel"] = ChannelInfo.ApiKey(message.Channel), ["name"] = variant.Name };
                foreach (var field in ChannelFields.For(message.Channel).Where(f => f.InDashboard && f.ApiKey is not null))
                {
                    if (message[field] is { } value)
                    {
                        fields[field.ApiKey!] = value;
                    }
                }
                if (message is WebhookMessage webhook && webhook.Headers.Count > 0)
                {
                    fields["headers"] = new JsonObject(webhook.Headers.Select(h => KeyValuePair.Create(h.Name, (JsonNode?)JsonValue.Create(h.Value))));
                }
                messages[message.MessageVariationId!] = fields;
            }
        }
        if (c.Control is { } control)
        {
            messages[control.VariationId] = new { channel = c.Channels.Count > 0 ? ChannelInfo.ApiKey(c.Channels[0]) : null, name = ControlGroup.Name, type = "control" };
        }
        foreach (var channel in c.ApiChannels)
        {
            messages[channel.MessageVariationId] = new { channel = ChannelInfo.ApiKey(channel.Channel), name = ChannelInfo.Label(channel.Channel) };
        }
        return messages;
    }

    private static Dictionary<string, object> ConversionBehavior(ConversionEvent e)
    {
        var behavior = new Dictionary<string, object>
        {
            ["type"] = e.Type switch
            {
                ConversionEventType.MakesPurchase => e.ProductName is null ? "Makes Any Purchase" : "Makes Specific Purchase",
                _ => ConversionEvent.Label(e.Type),
            },
            ["window"] = (long)e.Deadline.TotalSeconds,
        };
        if (e.EventName is { } eventName)
        {
            behavior["custom_event_name"] = eventName;
        }
        if (e.ProductName is { } product)
        {
            behavior["product"] = product;
        }
        if (e.AppIds.Count > 0)
        {
            behavior["app_ids"] = e.AppIds;
        }
        return behavior;
    }

    private static string? Bool(IQueryCollection q, string name, out bool value)
    {
        value = false;
        if (!q.TryGetValue(name, out var text) || string.IsNullOrEmpty(text))
        {
            return null;
        }
        return bool.TryParse(text, out value) ? null : $"{name} must be true or false (got \"{text}\").";
    }

    /// <summary>ISO 8601 with or without an offset (without one, UTC); Braze's example writes a one-digit hour offset (<c>-5:00</c>).</summary>
    internal static DateTimeOffset? ParseTime(string text)
    {
        var normalized = OneDigitOffset().Replace(text.Trim(), "${sign}0${hour}:");
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var at)
            ? at
            : null;
    }

    [GeneratedRegex(@"(?<sign>[+-])(?<hour>\d):(?=\d\d$)")]
    private static partial Regex OneDigitOffset();

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss+00:00", CultureInfo.InvariantCulture);

    private static IResult Error(string message, params string[] errors) => BrazeError.BadRequest(message, errors);
}
