namespace BrazeLite.Core.Campaigns.Storage;

/// <summary>The shape of one conversion event in <see cref="CampaignEntity.ConversionEvents"/>.</summary>
public sealed class StoredConversionEvent
{
    public ConversionEventType Type { get; set; }
    public List<string>? AppIds { get; set; }
    public string? ProductName { get; set; }
    public string? EventName { get; set; }
    public int DeadlineAmount { get; set; }
    public DeadlineUnit DeadlineUnit { get; set; }
}
