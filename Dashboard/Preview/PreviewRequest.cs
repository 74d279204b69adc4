using System.Text.Json;
using System.Text.Json.Serialization;
using BrazeLite.Liquid.Braze;

namespace Dashboard.Preview;

/// <summary>Where the template of a preview request comes from: a stored campaign's message field.</summary>
public sealed record CampaignFieldReference(string CampaignId, string MessageVariationId, Channel Channel, string Field);

/// <summary>A preview request read and checked: exactly one of <see cref="Template"/> and <see cref="CampaignField"/> is set.</summary>
public sealed record PreviewRequest(string? Template, CampaignFieldReference? CampaignField, RenderData Data, LiquidErrorMode ErrorMode);

/// <summary>The answer of <c>POST /api/preview</c>.</summary>
public sealed record PreviewResponse(
    [property: JsonPropertyName("output")] string Output,
    [property: JsonPropertyName("aborted")] bool Aborted,
    [property: JsonPropertyName("abort_reason")] string? AbortReason,
    [property: JsonPropertyName("errors")] IReadOnlyList<RenderDiagnostic> Errors,
    [property: JsonPropertyName("warnings")] IReadOnlyList<RenderDiagnostic> Warnings)
{
    public static PreviewResponse From(RenderedTemplate preview) =>
        new(preview.Output, preview.Aborted, preview.AbortReason, preview.Errors, preview.Warnings);
}

/// <summary>
/// Reads the JSON body of <c>POST /api/preview</c>, naming every fault precisely. Faults in the body as a whole
/// come back in <see cref="BodyError"/>; faults in single properties in <see cref="Errors"/>, keyed by property.
/// </summary>
public sealed class PreviewRequestReader
{
    private const string CampaignFieldsText = "campaign_id, message_variation_id, channel and field";

    private static readonly string[] Known =
    [
        "template", "trigger_properties", "user", "event_properties", "variables", "partials", "connected_content", "error_mode",
        "campaign_id", "message_variation_id", "channel", "field",
    ];

    private static readonly string[] CampaignProperties = ["campaign_id", "message_variation_id", "channel", "field"];

    public string? BodyError { get; private set; }

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads <paramref name="body"/>; null when it has faults (see <see cref="BodyError"/> and <see cref="Errors"/>).</summary>
    public PreviewRequest? Read(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            BodyError = "The request body is empty. Send a JSON object with \"template\", or with " + CampaignFieldsText + ".";
            return null;
        }
        var parsed = SamplePayloads.Parse(body, "The request body");
        if (parsed.Error is { } jsonError)
        {
            BodyError = jsonError.Message.StartsWith("The request body", StringComparison.Ordinal)
                ? jsonError.Message
                : $"The request body is not valid JSON: {jsonError}";
            return null;
        }
        var root = parsed.Hash;

        foreach (var key in root.Keys.Where(k => !Known.Contains(k, StringComparer.Ordinal)))
        {
            Add(key, $"Unknown property \"{key}\"{Suggestion(key)}. Known properties: {string.Join(", ", Known)}.");
        }

        var template = String(root, "template");
        var campaignValues = CampaignProperties.ToDictionary(p => p, p => String(root, p), StringComparer.Ordinal);
        var triggerProperties = Hash(root, "trigger_properties");
        var user = Hash(root, "user");
        var eventProperties = Hash(root, "event_properties");
        var variables = Hash(root, "variables");
        var partials = Partials(root);
        var connectedContent = ConnectedContent(root);
        var mode = ErrorMode(root);

        var hasTemplate = root.ContainsKey("template") && root["template"] is not null;
        var givenCampaign = CampaignProperties.Where(p => root.ContainsKey(p) && root[p] is not null).ToList();
        CampaignFieldReference? reference = null;
        if (hasTemplate && givenCampaign.Count > 0)
        {
            Add("template", $"Give either \"template\" or {CampaignFieldsText}, not both (this request also has {string.Join(", ", givenCampaign)}).");
        }
        else if (!hasTemplate && givenCampaign.Count == 0)
        {
            Add("template", $"Give \"template\" (the Liquid source to render), or {CampaignFieldsText} to render a saved campaign's field.");
        }
        else if (!hasTemplate)
        {
            foreach (var missing in CampaignProperties.Except(givenCampaign))
            {
                Add(missing, $"\"{missing}\" is required with {string.Join(", ", givenCampaign)}: previewing a campaign's field needs {CampaignFieldsText}.");
            }
            reference = CampaignReference(campaignValues);
        }

        if (Errors.Count > 0)
        {
            return null;
        }
        var data = new RenderData(triggerProperties, user, eventProperties, variables, partials)
        {
            ConnectedContent = connectedContent is null ? SampleConnectedContent.None : new SampleConnectedContent(connectedContent),
        };
        return new PreviewRequest(hasTemplate ? template : null, reference, data, mode);
    }

    private CampaignFieldReference? CampaignReference(Dictionary<string, string?> values)
    {
        if (values.Values.Any(v => v is null))
        {
            return null;
        }
        var channelKey = values["channel"]!;
        if (!ChannelInfo.TryParse(channelKey, out var channel))
        {
            Add("channel", $"Unknown channel \"{channelKey}\". Channels: {string.Join(", ", ChannelInfo.All.Select(ChannelInfo.ApiKey))}.");
            return null;
        }
        var field = values["field"]!;
        var keys = ChannelFields.TemplateKeys(channel);
        var isHeader = channel == Channel.Webhook && field.StartsWith(WebhookFields.HeaderPrefix, StringComparison.Ordinal)
            && field.Length > WebhookFields.HeaderPrefix.Length;
        if (!keys.Contains(field, StringComparer.Ordinal) && !isHeader)
        {
            var extra = channel == Channel.Webhook ? $", {WebhookFields.HeaderPrefix}{{header name}}" : "";
            Add("field", $"\"{field}\" is not a field of the {channelKey} channel. Its fields: {string.Join(", ", keys)}{extra}.");
            return null;
        }
        return new CampaignFieldReference(values["campaign_id"]!.Trim(), values["message_variation_id"]!.Trim(), channel, field);
    }

    private string? String(IDictionary<string, object?> root, string key)
    {
        if (!root.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }
        if (value is string s)
        {
            return s;
        }
        Add(key, $"\"{key}\" must be a string, not {TypeName(value)}.");
        return null;
    }

    private IDictionary<string, object?>? Hash(IDictionary<string, object?> root, string key)
    {
        if (!root.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }
        if (value is IDictionary<string, object?> hash)
        {
            return hash;
        }
        Add(key, $"\"{key}\" must be a JSON object, not {TypeName(value)}.");
        return null;
    }

    private Dictionary<string, string>? Partials(IDictionary<string, object?> root)
    {
        var hash = Hash(root, "partials");
        if (hash is null)
        {
            return null;
        }
        var partials = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, source) in hash)
        {
            if (source is string s)
            {
                partials[name] = s;
            }
            else
            {
                Add("partials", $"Partial \"{name}\" must be a string holding its Liquid source, not {TypeName(source)}.");
            }
        }
        return partials;
    }

    private Dictionary<string, string>? ConnectedContent(IDictionary<string, object?> root)
    {
        if (!root.TryGetValue("connected_content", out var value) || value is null)
        {
            return null;
        }
        if (value is not IDictionary<string, object?> hash)
        {
            Add("connected_content", $"\"connected_content\" must be a JSON object of URL to response, not {TypeName(value)}.");
            return null;
        }
        var responses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (url, response) in hash)
        {
            if (ConnectedContentResponses.ResponseText(response) is { } text)
            {
                responses[url.Trim()] = text;
            }
            else
            {
                Add("connected_content", $"The response for \"{url}\" in \"connected_content\" must be a string, or a JSON object or array, not {TypeName(response)}.");
            }
        }
        return responses;
    }

    private LiquidErrorMode ErrorMode(IDictionary<string, object?> root)
    {
        var text = String(root, "error_mode");
        switch (text)
        {
            case null or "strict":
                return LiquidErrorMode.Strict;
            case "lax":
                return LiquidErrorMode.Lax;
            default:
                Add("error_mode", $"\"error_mode\" must be \"strict\" or \"lax\", not \"{text}\".");
                return LiquidErrorMode.Strict;
        }
    }

    private static string Suggestion(string key) =>
        Suggestions.Closest(key, Known, maxDistance: Math.Max(1, key.Length / 3)) is { } close ? $" (did you mean \"{close}\"?)" : "";

    private static string TypeName(object? value) => value switch
    {
        null => "null",
        string => "a string",
        bool => "a boolean",
        long or double => "a number",
        IDictionary<string, object?> => "an object",
        System.Collections.IList => "an array",
        _ => value.GetType().Name,
    };

    private void Add(string key, string message)
    {
        Errors[key] = Errors.TryGetValue(key, out var existing) ? [.. existing, message] : [message];
    }
}
