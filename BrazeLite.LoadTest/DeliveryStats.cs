using System.Text.RegularExpressions;

namespace BrazeLite.LoadTest;

/// <summary>The dispatcher's periodic "Delivery stats" log line, read back by the delivery run.</summary>
public static partial class DeliveryStats
{
    [GeneratedRegex(@"(?<n>\d+) finished since start; rendering took (?<render>\d+) ms and handing over (?<hand>\d+) ms")]
    public static partial Regex Pattern();
}
