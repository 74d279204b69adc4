using System.Globalization;
using BrazeLite.Core.ApiKeys;

namespace Dashboard.ApiKeys;

/// <summary>How the keys page words a key's facts.</summary>
public static class ApiKeyText
{
    public static string When(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "Never";

    public static string Addresses(ApiKey key) => key.AllowedIps.Count == 0 ? "Any address" : string.Join(", ", key.AllowedIps);

    public static string Status(ApiKey key) => key.Revoked ? $"Revoked {When(key.RevokedAt)}" : "Active";
}
