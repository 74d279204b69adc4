namespace BrazeLite.Core.ApiKeys.Storage;

/// <summary>A row of <c>ApiKeys</c>. Permissions and the allow-list are JSON arrays of strings.</summary>
public sealed class ApiKeyEntity
{
    public int Id { get; set; }

    public string KeyId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the secret, lower-case hex; unique.</summary>
    public string SecretHash { get; set; } = "";

    public string Prefix { get; set; } = "";

    public string Permissions { get; set; } = "[]";

    public string AllowedIps { get; set; } = "[]";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The configuration entry's name for a provisioned key; null for keys made on the page.</summary>
    public string? ProvisionedName { get; set; }

    public Guid Version { get; set; }
}
