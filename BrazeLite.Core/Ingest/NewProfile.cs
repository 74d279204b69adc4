using System.Text.Json.Nodes;
using BrazeLite.Core.Users;

namespace BrazeLite.Core.Ingest;

/// <summary>
/// The profile a request would create for a recipient it may create, built from their attributes on the request's thread:
/// applying attributes and writing the JSON columns do not depend on the database, and the writer is the send path's one
/// serial part. The writer uses it only when the user turns out not to exist; otherwise the attributes are applied to
/// the stored profile as usual.
/// </summary>
internal sealed class NewProfile
{
    private readonly UserProfile _template;

    private NewProfile(UserProfile template, List<string> problems)
    {
        _template = template;
        Problems = problems;
        Json = ProfileJson.Of(template);
    }

    /// <summary>The attributes that could not be applied, as <see cref="AttributeUpdate.Apply"/> names them.</summary>
    public IReadOnlyList<string> Problems { get; }

    public ProfileJson Json { get; }

    /// <summary>The draft for a recipient who may be created from <paramref name="attributes"/>; null when none would be.</summary>
    public static NewProfile? For(UserKey key, JsonObject? attributes, bool mayCreate)
    {
        if (!mayCreate || attributes is null || key.Kind is not (UserKeyKind.ExternalId or UserKeyKind.Email))
        {
            return null;
        }
        var template = UserResolution.New(key, default);
        var problems = AttributeUpdate.Apply(template, attributes);
        return new NewProfile(template, problems);
    }

    /// <summary>A new, unsaved profile from the draft (a fresh one each time: a batch run again must not see the last run's row id).</summary>
    public UserProfile Create(DateTimeOffset now) => new()
    {
        UserId = UserResolution.NewUserId(now),
        ExternalId = _template.ExternalId,
        Email = _template.Email,
        Attributes = _template.Attributes,
        CustomAttributes = _template.CustomAttributes,
        EmailSubscribe = _template.EmailSubscribe,
        PushSubscribe = _template.PushSubscribe,
        SubscriptionGroups = _template.SubscriptionGroups,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
