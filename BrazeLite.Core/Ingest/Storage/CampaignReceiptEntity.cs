namespace BrazeLite.Core.Ingest.Storage;

/// <summary>When a user last received (or was enrolled in) a campaign: what re-eligibility is decided on.</summary>
public sealed class CampaignReceiptEntity
{
    public int CampaignRowId { get; set; }

    public int UserRowId { get; set; }

    public DateTimeOffset FirstReceivedAt { get; set; }

    public DateTimeOffset LastReceivedAt { get; set; }

    public int Count { get; set; }
}
