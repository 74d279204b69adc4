using BrazeLite.Core.Samples;

namespace Dashboard.Campaigns.Editor;

/// <summary>Where a personalization's value comes from, as Braze's editor groups them.</summary>
public enum PersonalizationSource
{
    Standard,
    Custom,
    Payload,
}

/// <summary>One value a message can be personalized with, and the Liquid that reads it.</summary>
public sealed record PersonalizationOption(PersonalizationSource Source, string Key, string Label)
{
    public string Id => $"{Source}:{Key}";

    public string Group => Source switch
    {
        PersonalizationSource.Standard => "Standard attribute",
        PersonalizationSource.Custom => "Custom attribute",
        _ => "Trigger property",
    };

    /// <summary>How the picker lists it: "Standard attribute: First name".</summary>
    public string Text => $"{Group}: {Label}";

    /// <summary>The Liquid output tag, with <c>default</c> when a fallback is given (so the variable is not missing).</summary>
    public string Tag(string? fallback)
    {
        var variable = Source switch
        {
            PersonalizationSource.Standard => $"${{{Key}}}",
            PersonalizationSource.Custom => $"custom_attribute.${{{Key}}}",
            _ => $"api_trigger_properties.${{{Key}}}",
        };
        if (string.IsNullOrEmpty(fallback))
        {
            return $"{{{{{variable}}}}}";
        }
        // Quoted with the mark the text does not use; a text with both loses its double quotes.
        var quote = fallback.Contains('\'') ? '"' : '\'';
        var text = quote == '"' ? fallback.Replace("\"", "", StringComparison.Ordinal) : fallback;
        return $"{{{{{variable} | default: {quote}{text}{quote}}}}}";
    }
}

/// <summary>What the "Insert personalization" picker offers: the standard attributes, then what the sample data names.</summary>
public static class Personalization
{
    public static IReadOnlyList<PersonalizationOption> Options(CampaignSamples samples, IDictionary<string, object?>? payload)
    {
        var options = SampleUsers.StandardAttributes
            .Select(a => new PersonalizationOption(PersonalizationSource.Standard, a.Key, a.Label))
            .ToList();
        var custom = samples.Users
            .SelectMany(u => u.ToUserHash().TryGetValue("custom_attributes", out var c) && c is IDictionary<string, object?> hash ? hash.Keys : [])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        options.AddRange(custom.Select(k => new PersonalizationOption(PersonalizationSource.Custom, k, k)));
        var keys = (payload?.Keys ?? Enumerable.Empty<string>())
            .Concat(samples.Payloads.SelectMany(p => p.Parse().Hash.Keys))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        options.AddRange(keys.Select(k => new PersonalizationOption(PersonalizationSource.Payload, k, k)));
        return options;
    }
}
