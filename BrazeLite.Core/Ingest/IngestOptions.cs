using System.ComponentModel.DataAnnotations;

namespace BrazeLite.Core.Ingest;

/// <summary>The <c>Ingest</c> section: how the one writer batches the requests that arrive together.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>The most requests committed in one transaction.</summary>
    [Range(1, 10_000)]
    public int MaxBatch { get; set; } = 512;

    /// <summary>Requests waiting for the writer beyond which new ones wait to be queued (back-pressure).</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>
    /// How often the committed log is copied into the database beside the writer (SQLite's WAL checkpoint), in
    /// milliseconds. Longer copies fewer pages in all (a page changed by many commits is copied once) but lets the log grow.
    /// </summary>
    [Range(10, 10_000)]
    public int CheckpointIntervalMs { get; set; } = 250;

    /// <summary>Users a broadcast works through per transaction; live requests share the writer between chunks.</summary>
    [Range(1, 10_000)]
    public int BroadcastChunk { get; set; } = 500;
}
