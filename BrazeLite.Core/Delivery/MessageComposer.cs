using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Ingest;
using BrazeLite.Core.Messaging;
using BrazeLite.Core.Templates;
using BrazeLite.Core.Text;
using BrazeLite.Core.Users;
using BrazeLite.Liquid;
using BrazeLite.Liquid.Braze;
using Microsoft.Extensions.Options;

namespace BrazeLite.Core.Delivery;

/// <summary>
/// Renders a claimed message for its recipient with the engine the preview uses (<see cref="MessageRenderer"/>): the
/// campaign variant's copy, or a <c>/messages/send</c> request's own content, with the profile as it is now, the trigger
/// properties (or AJO context), <c>campaign.${dispatch_id}</c>, and <c>connected_content</c> really called. A render
/// error fails the message whole; <c>abort_message</c> aborts it; variables that find nothing render empty and are warned of.
/// </summary>
public sealed class MessageComposer(
    MessageRenderer renderer,
    CampaignDirectory campaigns,
    IConnectedContentResolver connectedContent,
    IOptions<DeliveryOptions> options,
    TimeProvider time)
{
    /// <summary>How long a Content Card lives when neither the campaign nor the request says (Braze's longest).</summary>
    public static readonly TimeSpan DefaultCardLifetime = TimeSpan.FromDays(30);

    public async Task<Composition> ComposeAsync(OutboundMessage outbound, CancellationToken ct)
    {
        var target = outbound.CampaignRowId is int row ? await campaigns.FindByRowAsync(row, ct) : null;
        var api = outbound.Content is null ? null : Json.ParseObject(outbound.Content);
        ChannelMessage message;
        if (api is not null)
        {
            message = ApiMessages.ToChannelMessage(outbound.Channel, api);
        }
        else if (target is null)
        {
            return Composition.Failed("The campaign was deleted before the message was sent.");
        }
        else if (FindMessage(target.Campaign, outbound) is { } copy)
        {
            message = copy;
        }
        else
        {
            return Composition.Failed($"The campaign no longer has the variant \"{outbound.VariantName}\" for {ChannelInfo.Label(outbound.Channel)}.");
        }

        var data = new RenderData(
            TriggerProperties(outbound.TriggerProperties),
            outbound.User is null ? null : LiquidValues.FromClr(outbound.User.ToTemplateAttributes()) as IDictionary<string, object?>)
        {
            Campaign = new BrazeCampaign(target?.Campaign.CampaignId, target?.Campaign.Name ?? "", outbound.VariantName, outbound.DispatchId),
            ConnectedContent = connectedContent,
        };
        // A campaign's copy passed the strict checks at launch; a request's content is the developer's, rendered leniently as Braze does.
        var mode = api is null ? LiquidErrorMode.Strict : LiquidErrorMode.Lax;
        return await RenderAsync(message, data, mode, outbound.User, outbound.DispatchId, api, target?.Campaign.MessageType, ct);
    }

    /// <summary>
    /// Renders <paramref name="message"/> with <paramref name="data"/> (its <c>connected_content</c> really called) and
    /// builds what goes to <paramref name="destination"/>: the send path's rules, for a test send as for a real one.
    /// </summary>
    public async Task<Composition> RenderAsync(ChannelMessage message, RenderData data, LiquidErrorMode mode, UserProfile? destination,
        string dispatchId, JsonObject? api, MessageType? type, CancellationToken ct)
    {
        var rendered = await renderer.RenderAsync(message, data with { ConnectedContent = connectedContent }, mode, ct);

        var warnings = rendered.Fields
            .SelectMany(f => f.Result.Warnings.Select(w => $"{f.Label}: {w.Message}"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var errors = rendered.Fields.Where(f => f.Result.Errors.Count > 0).ToList();
        if (errors.Count > 0)
        {
            var first = errors[0].Result.Errors[0];
            var more = errors.Sum(f => f.Result.Errors.Count) - 1;
            var at = first.Line > 0 ? $" (line {first.Line}, column {first.Column})" : "";
            return Composition.Failed($"Render error in {errors[0].Label}: {first.Message}{at}{(more > 0 ? $", and {Words.Plural(more, "more error")}" : "")}", warnings);
        }
        if (rendered.Fields.FirstOrDefault(f => f.Result.Aborted) is { } aborted)
        {
            return new Composition(null, null, aborted.Result.AbortReason ?? "", warnings);
        }
        try
        {
            return new Composition(Build(destination, dispatchId, rendered, api, type), null, null, warnings);
        }
        catch (UndeliverableException e)
        {
            return Composition.Failed(e.Message, warnings);
        }
    }

    private static ChannelMessage? FindMessage(Campaign campaign, OutboundMessage outbound)
    {
        var variant = campaign.Variants.FirstOrDefault(v => outbound.VariationId is not null
                && string.Equals(v.MessageFor(outbound.Channel)?.MessageVariationId, outbound.VariationId, StringComparison.OrdinalIgnoreCase))
            ?? campaign.Variants.FirstOrDefault(v => v.Name == outbound.VariantName);
        return variant?.MessageFor(outbound.Channel);
    }

    private static IDictionary<string, object?>? TriggerProperties(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        using var doc = JsonDocument.Parse(json);
        return LiquidValues.FromClr(doc.RootElement) as IDictionary<string, object?>;
    }

    private OutboundContent Build(UserProfile? user, string dispatchId, RenderedMessage rendered, JsonObject? api, MessageType? type)
    {
        switch (rendered.Message)
        {
            case EmailMessage:
            {
                var to = user?.Email ?? throw new UndeliverableException("The profile has no email address.");
                var from = Required(rendered, EmailFields.From);
                if (!EmailAddress.IsValidSender(from))
                {
                    throw new UndeliverableException($"The rendered sender is not an email address: {from}");
                }
                var html = HtmlText.WithPreheader(rendered.Output(EmailFields.HtmlBody), NullIfBlank(rendered.Output(EmailFields.Preheader)));
                var text = NullIfBlank(rendered.Output(EmailFields.PlainTextBody)) ?? HtmlText.ToPlainText(rendered.Output(EmailFields.HtmlBody));
                return new EmailContent(from, to, NullIfBlank(rendered.Output(EmailFields.ReplyTo)), rendered.Output(EmailFields.Subject),
                    NullIfBlank(rendered.Output(EmailFields.Preheader)), html, text, EmailHeaders(user, dispatchId, api, type), Strings(api?["bcc"]));
            }
            case SmsMessage:
            {
                var to = user?.Phone ?? throw new UndeliverableException("The profile has no phone number.");
                var media = Strings(api?["media_items"]).ToList();
                if (NullIfBlank(rendered.Output(SmsFields.MediaUrl)) is { } url)
                {
                    media.Add(url);
                }
                return new SmsContent(to, rendered.Output(SmsFields.Body), media, api?["subscription_group_id"]?.GetValue<string>());
            }
            case WebhookMessage webhook:
            {
                var headers = webhook.Headers
                    .Select(h => new WebhookHeader(h.Name, rendered[WebhookFields.Header(h.Name).Key]?.Result.Output ?? h.Value))
                    .ToList();
                return new WebhookContent(Required(rendered, WebhookFields.Url).Trim(), webhook.Method.ToUpperInvariant(), headers,
                    rendered.Output(WebhookFields.Body));
            }
            case PushMessage push:
            {
                if (rendered.Push is { Exceeds: true } size)
                {
                    throw new UndeliverableException(
                        $"The rendered push is {size.Bytes:N0} bytes, over {ChannelInfo.Label(push.Channel)}'s limit of {size.Limit:N0}.");
                }
                return new PushContent(push.Channel, PushTokens.For(user, push.Channel), rendered.Output(PushFields.Title),
                    rendered.Output(PushFields.Body), NullIfBlank(rendered.Output(PushFields.DeepLink)), StringMap(api?["extra"]));
            }
            case ContentCardMessage card:
            {
                return new ContentCardContent(card.CardType.ToString().ToUpperInvariant(), rendered.Output(ContentCardFields.Title),
                    rendered.Output(ContentCardFields.Description), NullIfBlank(rendered.Output(ContentCardFields.ImageUrl)),
                    api?["url"]?.GetValue<string>(), CardExpiry(api));
            }
            default:
                throw new UndeliverableException($"{ChannelInfo.Label(rendered.Channel)} cannot be delivered.");
        }
    }

    private Dictionary<string, string> EmailHeaders(UserProfile? user, string dispatchId, JsonObject? api, MessageType? type)
    {
        var headers = StringMap(api?["headers"]) is { } given
            ? new Dictionary<string, string>(given, StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var unsubscribe = options.Value.Email.ListUnsubscribe;
        if (!headers.ContainsKey("List-Unsubscribe") && type == MessageType.Marketing && !string.IsNullOrEmpty(unsubscribe))
        {
            var target = unsubscribe
                .Replace("{user_id}", Uri.EscapeDataString(user?.ExternalId ?? user?.UserId ?? ""), StringComparison.Ordinal)
                .Replace("{dispatch_id}", dispatchId, StringComparison.Ordinal);
            headers["List-Unsubscribe"] = $"<{target}>";
        }
        if (headers.TryGetValue("List-Unsubscribe", out var list) && list.Contains("<https:", StringComparison.OrdinalIgnoreCase)
            && !headers.ContainsKey("List-Unsubscribe-Post"))
        {
            // RFC 8058 one-click unsubscribe, which the large mailbox providers ask of bulk senders.
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
        }
        return headers;
    }

    private DateTimeOffset? CardExpiry(JsonObject? api)
    {
        var now = time.GetUtcNow();
        if (api?["expire_at"] is JsonValue at && at.GetValueKind() == JsonValueKind.String
            && DateTimeOffset.TryParse(at.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires))
        {
            return expires;
        }
        if (api?["time_to_live"] is JsonValue ttl && ttl.TryGetValue<long>(out var seconds) && seconds > 0)
        {
            return now + TimeSpan.FromSeconds(Math.Min(seconds, DefaultCardLifetime.TotalSeconds));
        }
        return now + DefaultCardLifetime;
    }

    private static string Required(RenderedMessage rendered, ChannelField field) =>
        NullIfBlank(rendered.Output(field)) ?? throw new UndeliverableException($"{field.Label} rendered empty.");

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static IReadOnlyList<string> Strings(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
        JsonArray a => a.Select(item => item switch
        {
            JsonValue s when s.GetValueKind() == JsonValueKind.String => s.GetValue<string>(),
            JsonObject o => o["url"]?.GetValue<string>(),
            _ => null,
        }).OfType<string>().ToList(),
        _ => [],
    };

    private static Dictionary<string, string>? StringMap(JsonNode? node) =>
        node is JsonObject o
            ? o.Where(p => p.Value is not null)
                .ToDictionary(p => p.Key, p => p.Value!.GetValueKind() == JsonValueKind.String ? p.Value.GetValue<string>() : p.Value.ToJsonString())
            : null;

    private sealed class UndeliverableException(string message) : Exception(message);
}
