namespace BrazeLite.Core.Campaigns;

public sealed class ConversionEventForm
{
    public ConversionEventType Type { get; set; }

    /// <summary>Starts Session: optional app IDs; empty means any app.</summary>
    public List<string> AppIds { get; set; } = [];

    /// <summary>Makes Purchase: null or empty means any product.</summary>
    public string? ProductName { get; set; }

    /// <summary>Performs Custom Event: required.</summary>
    public string? EventName { get; set; }

    public int DeadlineAmount { get; set; } = 3;
    public DeadlineUnit DeadlineUnit { get; set; } = DeadlineUnit.Days;
}
