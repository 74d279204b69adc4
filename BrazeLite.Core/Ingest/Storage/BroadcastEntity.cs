namespace BrazeLite.Core.Ingest.Storage;

/// <summary>How far a broadcast has gone.</summary>
public enum BroadcastStatus
{
    Running,
    Completed,

    /// <summary>Stopped before the end: its campaign was stopped or archived meanwhile.</summary>
    Cancelled,
}

/// <summary>
/// A row of <c>Broadcasts</c>: a <c>broadcast: true</c> send, accepted at once and worked through every user in the
/// background, in user order, its progress committed with each chunk (so a restart resumes where it stopped).
/// </summary>
public sealed class BroadcastEntity
{
    /// <summary>The dispatch the broadcast's answer named; its messages carry it.</summary>
    public string DispatchId { get; set; } = "";

    public DispatchKind Kind { get; set; }

    public int? CampaignRowId { get; set; }

    /// <summary>What each user's messages are made from (trigger properties, or the messaging objects), as JSON.</summary>
    public string Payload { get; set; } = "{}";

    public BroadcastStatus Status { get; set; }

    /// <summary>Users on file when it started.</summary>
    public int Total { get; set; }

    public int Processed { get; set; }

    /// <summary>Users who were sent at least one message.</summary>
    public int Reached { get; set; }

    /// <summary>The last user row worked through.</summary>
    public int LastUserRowId { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>A copy to change, so a command rerun after a failed batch starts again from the state it was given.</summary>
    public BroadcastEntity Copy() => (BroadcastEntity)MemberwiseClone();
}
