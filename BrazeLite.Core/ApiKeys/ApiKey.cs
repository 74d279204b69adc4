namespace BrazeLite.Core.ApiKeys;

/// <summary>A REST API key as the keys page shows it: never its secret, which only its creator saw once.</summary>
/// <param name="KeyId">The key's public identifier.</param>
/// <param name="Prefix">The secret's first characters, so a person can tell keys apart.</param>
/// <param name="AllowedIps">Addresses and CIDR ranges the key accepts requests from; empty accepts any.</param>
/// <param name="Provisioned">Set from configuration (<c>ApiKeys:Provisioned</c>) at start; not editable on the page.</param>
public sealed record ApiKey(
    string KeyId,
    string Name,
    string Prefix,
    IReadOnlySet<string> Permissions,
    IReadOnlyList<string> AllowedIps,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt,
    bool Provisioned,
    Guid Version)
{
    public const int MaxNameLength = 100;
    public const int MaxAllowedIps = 50;
    public const int PrefixLength = 8;

    public bool Revoked => RevokedAt is not null;

    public bool Allows(string permission) => Permissions.Contains(permission);
}
