namespace BrazeLite.Core.Samples;

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
