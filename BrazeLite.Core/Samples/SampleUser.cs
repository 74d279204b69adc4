namespace BrazeLite.Core.Samples;

/// <summary>A saved sample user: standard attributes (by Braze's attribute names) and custom attributes as JSON text.</summary>
public sealed record SampleUser(int Id, string Name, IReadOnlyDictionary<string, string> Attributes, string CustomAttributesJson, Guid Version)
{
    /// <summary>The user as the preview reads it (Braze's <c>attributes</c> object): see <see cref="SampleUsers.ToUserHash"/>.</summary>
    public IDictionary<string, object?> ToUserHash() => SampleUsers.ToUserHash(Attributes, CustomAttributesJson);
}
