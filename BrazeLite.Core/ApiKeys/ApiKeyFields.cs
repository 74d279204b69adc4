namespace BrazeLite.Core.ApiKeys;

/// <summary>Field names of <see cref="ApiKeyForm"/> in validation errors.</summary>
public static class ApiKeyFields
{
    public const string Name = "Name";
    public const string Permissions = "Permissions";
    public const string AllowedIps = "AllowedIps";
}
