namespace BrazeLite.Core.Campaigns;

/// <summary>Whether a user may receive an API-triggered campaign again, and after how long.</summary>
public sealed record Reeligibility(bool Enabled, int Amount, ReeligibilityUnit Unit)
{
    public const int MaxDays = 720;

    /// <summary>Off: a user receives the campaign once.</summary>
    public static readonly Reeligibility Once = new(false, 0, ReeligibilityUnit.Days);

    /// <summary>The window in days; a month counts as 30 days.</summary>
    public static double InDays(int amount, ReeligibilityUnit unit) => unit switch
    {
        ReeligibilityUnit.Minutes => amount / 1440.0,
        ReeligibilityUnit.Hours => amount / 24.0,
        ReeligibilityUnit.Days => amount,
        ReeligibilityUnit.Weeks => amount * 7.0,
        ReeligibilityUnit.Months => amount * 30.0,
        _ => double.MaxValue,
    };

    /// <summary>How long after a send the user may receive it again; null when never.</summary>
    public TimeSpan? Window => Enabled ? TimeSpan.FromDays(InDays(Amount, Unit)) : null;
}
