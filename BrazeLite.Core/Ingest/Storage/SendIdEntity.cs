namespace BrazeLite.Core.Ingest.Storage;

/// <summary>A <c>send_id</c> made by <c>POST /sends/id/create</c> for a campaign, to group its sends' analytics.</summary>
public sealed class SendIdEntity
{
    public int Id { get; set; }

    public int CampaignRowId { get; set; }

    public string SendId { get; set; } = "";

    public string? ApiKeyId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
