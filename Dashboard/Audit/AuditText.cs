using System.Globalization;
using System.Text.RegularExpressions;
using BrazeLite.Core.Audit;

namespace Dashboard.Audit;

/// <summary>How the trail reads: times in UTC, field paths as words, "(not set)" for nothing.</summary>
public static partial class AuditText
{
    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Value(string? value) => value is null or "" ? "(not set)" : value;

    /// <summary><c>Variants[1].Messages[0].Values.subject</c> as "Variant 2 › Message 1 › subject".</summary>
    public static string Field(string path)
    {
        if (path.Contains('›'))
        {
            return path;
        }
        var parts = path.Split('.')
            .Where(p => p != "Values")
            .Select(p => Indexed().Match(p) is { Success: true } m
                ? $"{Singular(m.Groups["name"].Value)} {int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture) + 1}"
                : Words(p));
        return string.Join(" › ", parts);
    }

    public static string Area(AuditArea area) => area switch
    {
        AuditArea.ApiKey => "API keys",
        AuditArea.Account => "Users and roles",
        AuditArea.Sample => "Sample data",
        AuditArea.Campaign => "Campaigns",
        AuditArea.Approval => "Approvals",
        AuditArea.Workspace => "Workspace settings",
        _ => area.ToString(),
    };

    private static string Singular(string name) => Words(name.EndsWith('s') ? name[..^1] : name);

    // "HasControlGroup" as "Has control group"; lower-case keys (Braze's) stay as they are.
    private static string Words(string name) =>
        name.Length == 0 || char.IsLower(name[0]) ? name : string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    [GeneratedRegex(@"^(?<name>\w+)\[(?<index>\d+)\]$")]
    private static partial Regex Indexed();
}
