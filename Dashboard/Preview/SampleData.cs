using Dashboard.Campaigns;

namespace Dashboard.Preview;

/// <summary>The kinds of sample data a campaign keeps for its preview.</summary>
public enum SampleKind
{
    Payload,
    User,

    /// <summary>Sample responses for <c>connected_content</c>: a JSON object of URL to response.</summary>
    ConnectedContent,
}

/// <summary>A saved sample <c>trigger_properties</c> payload, its JSON text as the marketer typed it.</summary>
public sealed record SamplePayload(int Id, string Name, string Json, Guid Version)
{
    /// <summary>The payload parsed for a render (empty when the saved text is not a JSON object).</summary>
    public SamplePayloadResult Parse() => SamplePayloads.Parse(Json);
}

/// <summary>A saved sample user: standard attributes (by Braze's attribute names) and custom attributes as JSON text.</summary>
public sealed record SampleUser(int Id, string Name, IReadOnlyDictionary<string, string> Attributes, string CustomAttributesJson, Guid Version)
{
    /// <summary>The user as the preview reads it (Braze's <c>attributes</c> object): see <see cref="SampleUsers.ToUserHash"/>.</summary>
    public IDictionary<string, object?> ToUserHash() => SampleUsers.ToUserHash(Attributes, CustomAttributesJson);
}

/// <summary>Every sample saved with one campaign, each list in the order the samples were created.</summary>
public sealed record CampaignSamples(IReadOnlyList<SamplePayload> Payloads, IReadOnlyList<SampleUser> Users)
{
    public static readonly CampaignSamples None = new([], []);

    /// <summary>Saved sets of sample <c>connected_content</c> responses, each a JSON object of URL to response.</summary>
    public IReadOnlyList<SamplePayload> ConnectedContent { get; init; } = [];
}

/// <summary>Sample <c>connected_content</c> responses as the marketer types them: a JSON object of URL to response.</summary>
public static class ConnectedContentResponses
{
    public const string What = "connected_content responses";

    /// <summary>
    /// The responses by URL. A string is the response text; an object or array stands for its JSON text. Null, with
    /// <paramref name="error"/> set, when the text is not such an object.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? Read(string? text, out string? error)
    {
        var parsed = SamplePayloads.Parse(text, What);
        if (parsed.Error is { } jsonError)
        {
            error = jsonError.ToString();
            return null;
        }
        var responses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (url, response) in parsed.Hash)
        {
            if (ResponseText(response) is not { } responseText)
            {
                error = $"The response for \"{url}\" must be a string, or a JSON object or array, not {(response is null ? "null" : response is bool ? "a boolean" : "a number")}.";
                return null;
            }
            responses[url.Trim()] = responseText;
        }
        error = null;
        return responses;
    }

    /// <summary>
    /// The text the engine receives for one response, as Braze receives it: a string as it is, an object or array as
    /// its JSON; null for any other value.
    /// </summary>
    public static string? ResponseText(object? response) => response switch
    {
        string s => s,
        IDictionary<string, object?> or System.Collections.IList => System.Text.Json.JsonSerializer.Serialize(response),
        _ => null,
    };
}

/// <summary>A sample payload being created (<see cref="Id"/> null) or edited.</summary>
public sealed class SamplePayloadForm
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public string Json { get; set; } = "{\n}";
    public Guid? Version { get; set; }

    public static SamplePayloadForm From(SamplePayload payload) =>
        new() { Id = payload.Id, Name = payload.Name, Json = payload.Json, Version = payload.Version };
}

/// <summary>A sample user being created (<see cref="Id"/> null) or edited.</summary>
public sealed class SampleUserForm
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Standard attributes by Braze's name (<see cref="SampleUsers.StandardAttributes"/>); blank ones are not kept.</summary>
    public Dictionary<string, string> Attributes { get; set; } = new(StringComparer.Ordinal);

    public string CustomAttributesJson { get; set; } = "{\n}";
    public Guid? Version { get; set; }

    public static SampleUserForm From(SampleUser user) => new()
    {
        Id = user.Id,
        Name = user.Name,
        Attributes = new Dictionary<string, string>(user.Attributes, StringComparer.Ordinal),
        CustomAttributesJson = user.CustomAttributesJson,
        Version = user.Version,
    };
}

/// <summary>
/// The result of a sample write. Expected failures (invalid input, a stale version) come back here; <see cref="Errors"/>
/// maps a field (<see cref="SampleFields"/>) to its message.
/// </summary>
public sealed record SampleSaveResult(SaveOutcome Outcome, int? Id = null, Guid? Version = null,
    IReadOnlyDictionary<string, string>? Errors = null, string? Message = null)
{
    public bool Succeeded => Outcome == SaveOutcome.Saved;

    public string? ErrorFor(string field) => Errors is not null && Errors.TryGetValue(field, out var message) ? message : null;

    public static SampleSaveResult Saved(int id, Guid version) => new(SaveOutcome.Saved, id, version);

    public static SampleSaveResult Invalid(IReadOnlyDictionary<string, string> errors) =>
        new(SaveOutcome.Invalid, Errors: errors, Message: string.Join(" ", errors.Values));

    public static SampleSaveResult Conflict() =>
        new(SaveOutcome.Conflict, Message: "This sample was changed or deleted by someone else meanwhile: reload the samples to see their version.");

    public static SampleSaveResult NotFound(string message) => new(SaveOutcome.NotFound, Message: message);
}

/// <summary>Field keys of sample validation errors.</summary>
public static class SampleFields
{
    public const string Name = "Name";
    public const string Json = "Json";
    public const string CustomAttributes = "CustomAttributes";

    public static string Attribute(string key) => $"Attributes.{key}";
}

/// <summary>Braze's standard attributes a sample user can set, with the labels the editor shows.</summary>
public static class SampleUsers
{
    public static IReadOnlyList<(string Key, string Label)> StandardAttributes { get; } =
    [
        ("first_name", "First name"),
        ("last_name", "Last name"),
        ("email_address", "Email address"),
        ("phone_number", "Phone number"),
        ("city", "City"),
        ("country", "Country"),
        ("language", "Language"),
        ("time_zone", "Time zone"),
        ("gender", "Gender"),
        ("date_of_birth", "Date of birth"),
    ];

    public static bool IsStandard(string key) => StandardAttributes.Any(a => a.Key == key);

    /// <summary>
    /// Braze's <c>attributes</c> object for a render: the non-blank standard attributes, and the custom attributes
    /// under <c>custom_attributes</c> (left out when their text is not a JSON object).
    /// </summary>
    public static IDictionary<string, object?> ToUserHash(IReadOnlyDictionary<string, string> attributes, string? customAttributesJson)
    {
        var user = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in attributes)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                user[key] = value;
            }
        }
        var custom = SamplePayloads.Parse(customAttributesJson, "custom attributes");
        if (custom.IsValid)
        {
            user["custom_attributes"] = custom.Hash;
        }
        return user;
    }
}
