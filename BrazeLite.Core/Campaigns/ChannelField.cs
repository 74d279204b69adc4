namespace BrazeLite.Core.Campaigns;

/// <summary>
/// One field of a channel's message, named once for every part that deals with it: the editor's label, the validator's
/// rules, the preview, the developer handoff and the <c>/messages/send</c> contract.
/// </summary>
public sealed record ChannelField
{
    /// <summary>The field's key: the preview API's <c>field</c>, the stored document's key, the last part of its validation path.</summary>
    public required string Key { get; init; }

    /// <summary>How the marketer reads it ("Subject", "HTML body").</summary>
    public required string Label { get; init; }

    /// <summary>Its key in the channel's messaging object of <c>/messages/send</c>; null when the API has no such field.</summary>
    public string? ApiKey { get; init; }

    /// <summary>A Liquid template: previewed, checked before launch, rendered for each recipient.</summary>
    public bool IsTemplate { get; init; }

    /// <summary>Written by the marketer in the dashboard (an API-triggered campaign's copy); false for fields only a request carries (<c>app_id</c>).</summary>
    public bool InDashboard { get; init; } = true;

    /// <summary>Must be filled before an API-triggered campaign launches.</summary>
    public bool RequiredAtLaunch { get; init; }

    /// <summary>Must be present in the messaging object of <c>/messages/send</c>.</summary>
    public bool RequiredInApi { get; init; }

    public FieldFormat Format { get; init; } = FieldFormat.Text;

    /// <summary>The allowed values of a <see cref="FieldFormat.Choice"/> field, the first being the default.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>What the validator says when the value does not have <see cref="Format"/>.</summary>
    public string? FormatMessage { get; init; }

    /// <summary>The most characters the value may have, or null.</summary>
    public int? MaxLength { get; init; }

    /// <summary>The value in the developer handoff's example request.</summary>
    public string? Placeholder { get; init; }

    /// <summary>The value a new message starts with: the first choice of a choice field, otherwise none.</summary>
    public string? DefaultValue => Format == FieldFormat.Choice && Choices.Count > 0 ? Choices[0] : null;

    /// <summary>Whether surrounding whitespace is insignificant (addresses, URLs, choices), so it is trimmed when stored.</summary>
    public bool Trimmed => Format != FieldFormat.Text;

    /// <summary>The value as stored: blank becomes null; addresses, URLs and choices are trimmed.</summary>
    public string? Normalize(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : Trimmed ? value.Trim() : value;

    /// <summary>Whether <paramref name="value"/> (not blank) has the field's format.</summary>
    public bool HasFormat(string value) => Format switch
    {
        FieldFormat.Sender => EmailAddress.IsValidSender(value),
        FieldFormat.HttpUrl => Urls.IsHttp(value),
        FieldFormat.HttpTemplateUrl => Urls.IsHttpTemplate(value),
        FieldFormat.Choice => Choices.Contains(value.Trim(), StringComparer.Ordinal),
        _ => true,
    };
}
