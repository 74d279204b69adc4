using BrazeLite.Core.Campaigns;

namespace BrazeLite.Core.ApiKeys;

/// <summary>What makes a key's form valid; the page shows the same messages next to each field.</summary>
public static class ApiKeyRules
{
    public static ValidationErrors Validate(ApiKeyForm form)
    {
        var errors = new ValidationErrors();
        var name = form.Name.Trim();
        if (name.Length == 0)
        {
            errors.Add(ApiKeyFields.Name, "Give the key a name, such as the service that will use it.");
        }
        else if (name.Length > ApiKey.MaxNameLength)
        {
            errors.Add(ApiKeyFields.Name, $"The name has {name.Length} characters; at most {ApiKey.MaxNameLength}.");
        }

        if (form.Permissions.Count == 0)
        {
            errors.Add(ApiKeyFields.Permissions, "Choose at least one permission: a key without any can call nothing.");
        }
        foreach (var unknown in form.Permissions.Where(p => !ApiPermissions.IsKnown(p)).Order(StringComparer.Ordinal))
        {
            errors.Add(ApiKeyFields.Permissions, $"\"{unknown}\" is not a permission.");
        }

        var entries = ClientAddresses.Split(form.AllowedIps);
        if (entries.Count > ApiKey.MaxAllowedIps)
        {
            errors.Add(ApiKeyFields.AllowedIps, $"The allow-list has {entries.Count} entries; at most {ApiKey.MaxAllowedIps}.");
        }
        var bad = entries.Where(e => !ClientAddresses.TryParse(e, out _)).ToList();
        if (bad.Count > 0)
        {
            errors.Add(ApiKeyFields.AllowedIps,
                $"{string.Join(", ", bad.Select(b => $"\"{b}\""))} {(bad.Count == 1 ? "is not an address or CIDR range" : "are not addresses or CIDR ranges")}: write 203.0.113.7, 203.0.113.0/24 or 2001:db8::/32.");
        }
        return errors;
    }
}
