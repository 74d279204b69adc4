using System.ComponentModel.DataAnnotations;

namespace BrazeLite.Core.ApiKeys;

/// <summary>One entry of <c>ApiKeys:Provisioned</c>: a key a deployment sets up without a click.</summary>
public sealed class ProvisionedApiKey : IValidatableObject
{
    [Required(ErrorMessage = "ApiKeys:Provisioned: every key needs a Name.")]
    [MaxLength(ApiKey.MaxNameLength)]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "ApiKeys:Provisioned: every key needs its Key (the secret clients send).")]
    public string Key { get; set; } = "";

    /// <summary>Permission names; <c>*</c> grants every permission.</summary>
    public List<string> Permissions { get; set; } = [];

    /// <summary>Optional allow-list of client addresses and CIDR ranges.</summary>
    public List<string> AllowedIps { get; set; } = [];

    public IReadOnlySet<string> GrantedPermissions() =>
        Permissions.Contains(ApiPermissions.Every)
            ? ApiPermissions.All.Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
            : Permissions.ToHashSet(StringComparer.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Key.Length is > 0 and < ApiKeySecrets.MinProvisionedLength)
        {
            yield return new ValidationResult(
                $"ApiKeys:Provisioned \"{Name}\": the key has {Key.Length} characters; use at least {ApiKeySecrets.MinProvisionedLength} random ones (a UUID will do).");
        }
        if (Key.Trim() != Key || Key.Contains('"', StringComparison.Ordinal) || Key.Contains('\'', StringComparison.Ordinal))
        {
            yield return new ValidationResult($"ApiKeys:Provisioned \"{Name}\": the key may not hold quotes or start or end with spaces.");
        }
        if (Permissions.Count == 0)
        {
            yield return new ValidationResult($"ApiKeys:Provisioned \"{Name}\": list its Permissions (\"*\" grants all).");
        }
        foreach (var unknown in Permissions.Where(p => p != ApiPermissions.Every && !ApiPermissions.IsKnown(p)))
        {
            yield return new ValidationResult($"ApiKeys:Provisioned \"{Name}\": \"{unknown}\" is not a permission.");
        }
        foreach (var bad in AllowedIps.Where(a => !ClientAddresses.TryParse(a.Trim(), out _)))
        {
            yield return new ValidationResult($"ApiKeys:Provisioned \"{Name}\": \"{bad}\" is not an address or CIDR range.");
        }
    }
}
