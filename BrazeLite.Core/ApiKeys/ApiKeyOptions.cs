using System.ComponentModel.DataAnnotations;

namespace BrazeLite.Core.ApiKeys;

/// <summary>The <c>ApiKeys</c> configuration section.</summary>
public sealed class ApiKeyOptions : IValidatableObject
{
    public const string Section = "ApiKeys";

    /// <summary>Keys applied at every start: created, or updated to match; provisioned keys no longer listed are revoked.</summary>
    public List<ProvisionedApiKey> Provisioned { get; set; } = [];

    /// <summary>How often the time of each key's last use is written to the database.</summary>
    public TimeSpan LastUseFlushInterval { get; set; } = TimeSpan.FromSeconds(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        foreach (var key in Provisioned)
        {
            Validator.TryValidateObject(key, new ValidationContext(key), results, validateAllProperties: true);
        }
        foreach (var name in Provisioned.GroupBy(k => k.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            results.Add(new ValidationResult($"ApiKeys:Provisioned lists \"{name}\" more than once."));
        }
        foreach (var _ in Provisioned.GroupBy(k => k.Key, StringComparer.Ordinal).Where(g => g.Key.Length > 0 && g.Count() > 1))
        {
            results.Add(new ValidationResult("ApiKeys:Provisioned gives two keys the same secret."));
        }
        if (LastUseFlushInterval <= TimeSpan.Zero)
        {
            results.Add(new ValidationResult("ApiKeys:LastUseFlushInterval must be positive, e.g. 00:00:15."));
        }
        return results;
    }
}
