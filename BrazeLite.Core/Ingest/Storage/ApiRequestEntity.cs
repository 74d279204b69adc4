namespace BrazeLite.Core.Ingest.Storage;

/// <summary>
/// A row of <c>ApiRequests</c>: a refused send request, for the activity log. Accepted ones are their
/// <see cref="DispatchEntity"/> (one row less on the hot path).
/// </summary>
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

}
