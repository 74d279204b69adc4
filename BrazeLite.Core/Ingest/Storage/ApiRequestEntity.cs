namespace BrazeLite.Core.Ingest.Storage;

/// <summary>A row of <c>ApiRequests</c>: a send request's outcome for the activity log, refused ones included.</summary>
public sealed class ApiRequestEntity
{
    public long Id { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary><c>POST /campaigns/trigger/send</c>, ...</summary>
    public string Endpoint { get; set; } = "";

    public int StatusCode { get; set; }

    /// <summary>The answer's <c>message</c>.</summary>
    public string Message { get; set; } = "";

    /// <summary>The answer's <c>errors</c>, as a JSON array; null when none.</summary>
    public string? Errors { get; set; }

    public string? ApiKeyId { get; set; }

    /// <summary>The <c>campaign_id</c> as the request gave it (it may name no campaign).</summary>
    public string? CampaignId { get; set; }

    public string? DispatchId { get; set; }
}
