using System.Text.Json;

namespace BrazeLite.Core.ApiKeys.Storage;

/// <summary>Between a key's row and its read model.</summary>
public static class ApiKeyStorage
{
    public static ApiKey ToKey(ApiKeyEntity row) => new(
        row.KeyId,
        row.Name,
        row.Prefix,
        (JsonSerializer.Deserialize<List<string>>(row.Permissions) ?? []).ToHashSet(StringComparer.Ordinal),
        JsonSerializer.Deserialize<List<string>>(row.AllowedIps) ?? [],
        row.CreatedAt,
        row.LastUsedAt,
        row.RevokedAt,
        row.ProvisionedName is not null,
        row.Version);

    public static string Permissions(IEnumerable<string> permissions) =>
        JsonSerializer.Serialize(permissions.Where(ApiPermissions.IsKnown)
            .OrderBy(p => ApiPermissions.All.Select(a => a.Name).ToList().IndexOf(p)).ToList());

    public static string AllowedIps(IEnumerable<string> entries) => JsonSerializer.Serialize(entries.ToList());
}
