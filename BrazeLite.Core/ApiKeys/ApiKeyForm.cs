namespace BrazeLite.Core.ApiKeys;

/// <summary>What the keys page edits: a key's name, permissions and client address allow-list.</summary>
public sealed class ApiKeyForm
{
    public string Name { get; set; } = "";

    public HashSet<string> Permissions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Addresses or CIDR ranges, one per line or separated by commas; empty accepts any address.</summary>
    public string AllowedIps { get; set; } = "";

    /// <summary>The version the form was loaded at; a save against a newer one is a conflict.</summary>
    public Guid? Version { get; set; }

    public static ApiKeyForm From(ApiKey key) => new()
    {
        Name = key.Name,
        Permissions = new HashSet<string>(key.Permissions, StringComparer.Ordinal),
        AllowedIps = string.Join("\n", key.AllowedIps),
        Version = key.Version,
    };
}
