namespace BrazeLite.Core.Campaigns;

/// <summary>What counts as a conversion, and how long after receiving the message it may happen.</summary>
public sealed record ConversionEvent(ConversionEventType Type, IReadOnlyList<string> AppIds, string? ProductName, string? EventName,
    int DeadlineAmount, DeadlineUnit DeadlineUnit)
{
    /// <summary>The longest deadline: 30 days.</summary>
    public const int MaxDeadlineHours = 30 * 24;

    public TimeSpan Deadline => DeadlineUnit == DeadlineUnit.Days ? TimeSpan.FromDays(DeadlineAmount) : TimeSpan.FromHours(DeadlineAmount);

    /// <summary>"Starts Session", "Makes Purchase", ... as Braze names the types.</summary>
    public static string Label(ConversionEventType type) => type switch
    {
        ConversionEventType.StartsSession => "Starts Session",
        ConversionEventType.MakesPurchase => "Makes Purchase",
        ConversionEventType.PerformsCustomEvent => "Performs Custom Event",
        ConversionEventType.UpgradesApp => "Upgrades App",
        ConversionEventType.OpensEmail => "Opens Email",
        ConversionEventType.ClicksEmail => "Clicks Email",
        _ => type.ToString(),
    };
}
