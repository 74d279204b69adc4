namespace BrazeLite.Core.Ingest.Storage;

/// <summary>
/// A row of <c>Dispatches</c>: one accepted send request (a trigger, a <c>/messages/send</c>, an AJO execution), with the
/// <c>dispatch_id</c> its answer gave. Its messages are rows of <c>Messages</c>.
/// </summary>
public sealed class DispatchEntity
{
    /// <summary>32 lower-case hex digits, time-ordered (a version 7 UUID), so new rows append to the index.</summary>
    public string DispatchId { get; set; } = "";

    public DispatchKind Kind { get; set; }

    /// <summary>The campaign's row; null for a <c>/messages/send</c> without <c>campaign_id</c>.</summary>
    public int? CampaignRowId { get; set; }

    public string? SendId { get; set; }

    /// <summary>AJO's <c>requestId</c>.</summary>
    public string? RequestId { get; set; }

    public string? ApiKeyId { get; set; }

    public bool Broadcast { get; set; }

    public int Recipients { get; set; }

    /// <summary>The non-fatal problems the answer listed, as a JSON array; null when none.</summary>
    public string? Errors { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
