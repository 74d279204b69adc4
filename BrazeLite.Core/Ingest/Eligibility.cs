using System.Globalization;
using BrazeLite.Core.Campaigns;

namespace BrazeLite.Core.Ingest;

/// <summary>Re-eligibility: once ever when off, at most once per window when on (a window of 0 minutes sends on every trigger).</summary>
public static class Eligibility
{
    /// <summary>Why the user may not receive the campaign now, or null when they may.</summary>
    public static string? Refusal(Reeligibility rule, DateTimeOffset? lastReceived, DateTimeOffset now)
    {
        if (lastReceived is not { } last)
        {
            return null;
        }
        if (rule.Window is not { } window)
        {
            return $"already received this campaign on {Show(last)}; it is sent to each user once";
        }
        var next = last + window;
        return now >= next ? null : $"received this campaign on {Show(last)}; re-eligible from {Show(next)}";
    }

    private static string Show(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
