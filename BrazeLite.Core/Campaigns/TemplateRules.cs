using BrazeLite.Core.Templates;
using BrazeLite.Liquid;

namespace BrazeLite.Core.Campaigns;

/// <summary>
/// The template side of "Active means safe to render": every template of every variant of an API-triggered campaign
/// must parse. The service checks it on launch and on every save of a campaign that has run, whichever door the
/// request came through.
/// </summary>
public sealed class TemplateRules(ITemplateRenderer templates)
{
    /// <summary>
    /// Every parse error in every variant's message for the campaign's channels, keyed by
    /// <see cref="CampaignFields.Message(int, Channel, ChannelField)"/> (<c>Variants[0].Email.subject</c>), each led by the
    /// field's label ("Subject: unknown filter `upcas` at line 1, column 12; did you mean `upcase`?").
    /// </summary>
    public ValidationErrors ParseErrors(Campaign campaign)
    {
        var errors = new ValidationErrors();
        if (campaign.Type != CampaignType.ApiTriggered)
        {
            return errors;
        }
        foreach (var variant in campaign.Variants)
        {
            foreach (var channel in campaign.Channels)
            {
                if (variant.MessageFor(channel) is not { } message)
                {
                    continue;
                }
                foreach (var template in message.Templates().Where(t => t.Source.Length > 0))
                {
                    foreach (var error in templates.ParseErrors(template.Source, LiquidErrorMode.Strict))
                    {
                        var key = template.Field.Key.StartsWith(WebhookFields.HeaderPrefix, StringComparison.Ordinal)
                            ? WebhookFields.HeadersKey
                            : template.Field.Key;
                        errors.Add(CampaignFields.Message(variant.Index, channel, key), $"{template.Field.Label}: {error.Message}");
                    }
                }
            }
        }
        return errors;
    }

    /// <summary>
    /// Every <c>api_trigger_properties</c> (or AJO <c>context</c>) key the variants' templates read, as key paths in first-use order (the engine's
    /// reading, which follows loops and aliases: <c>["items", "[]", "name"]</c>). Templates that do not parse strictly are
    /// read leniently, so a draft with a typo still lists its keys.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> TriggerPropertyPaths(Campaign campaign)
    {
        var parsed = new List<LiquidTemplate>();
        foreach (var variant in campaign.Variants)
        {
            foreach (var channel in campaign.Channels)
            {
                foreach (var template in variant.MessageFor(channel)?.Templates() ?? [])
                {
                    if (template.Source.Length > 0
                        && (templates.Parse(template.Source, LiquidErrorMode.Strict) ?? templates.Parse(template.Source, LiquidErrorMode.Lax)) is { } t)
                    {
                        parsed.Add(t);
                    }
                }
            }
        }
        // AJO's {{context.x}} reads the same payload, so its keys belong in the same request.
        var paths = LiquidVariables.Collect(parsed, "api_trigger_properties").ToList();
        foreach (var path in LiquidVariables.Collect(parsed, "context"))
        {
            if (!paths.Any(p => p.SequenceEqual(path)))
            {
                paths.Add(path);
            }
        }
        return paths;
    }
}
