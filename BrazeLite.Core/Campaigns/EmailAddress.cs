using System.Text.RegularExpressions;

namespace BrazeLite.Core.Campaigns;

public static partial class EmailAddress
{
    [GeneratedRegex(@"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")]
    private static partial Regex Address();

    [GeneratedRegex(@"^[^<>]+<\s*([^@\s<>]+@[^@\s<>]+\.[^@\s<>]+)\s*>$")]
    private static partial Regex Named();

    /// <summary>Either <c>addr@example.com</c> or <c>Name &lt;addr@example.com&gt;</c>.</summary>
    public static bool IsValidSender(string value)
    {
        var v = value.Trim();
        return Address().IsMatch(v) || Named().IsMatch(v);
    }

    /// <summary>A bare address, <c>addr@example.com</c>.</summary>
    public static bool IsValid(string value) => Address().IsMatch(value.Trim());
}
