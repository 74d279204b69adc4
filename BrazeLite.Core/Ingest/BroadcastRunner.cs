using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Campaigns.Storage;
using BrazeLite.Core.Data;
using BrazeLite.Core.Ingest.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BrazeLite.Core.Ingest;

/// <summary>
/// Works accepted broadcasts through every user in the background, one chunk per writer transaction, so live requests
/// keep their latency. Running broadcasts found at start (after a crash or restart) resume from their last chunk.
/// A broadcast whose campaign stops meanwhile is cancelled, saying so.
/// </summary>
public sealed partial class BroadcastRunner(
    IDbContextFactory<BrazeLiteDbContext> dbFactory,
    IngestWriter writer,
    CampaignDirectory campaigns,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<BroadcastRunner> logger) : BackgroundService
{
    private readonly System.Threading.Channels.Channel<string> _started = System.Threading.Channels.Channel.CreateUnbounded<string>();

    /// <summary>Starts working through a broadcast just accepted.</summary>
    public void Start(string dispatchId) => _started.Writer.TryWrite(dispatchId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
        {
            foreach (var id in await db.Broadcasts.Where(b => b.Status == BroadcastStatus.Running).OrderBy(b => b.StartedAt).Select(b => b.DispatchId).ToListAsync(stoppingToken))
            {
                Start(id);
            }
        }
        await foreach (var dispatchId in _started.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(dispatchId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IngestFailedException or DbUpdateException or IngestUnavailableException)
            {
                // Left Running: the next start resumes it from its last committed chunk.
                LogFailed(logger, dispatchId, e);
            }
        }
    }

    private async Task RunAsync(string dispatchId, CancellationToken ct)
    {
        BroadcastEntity? state;
        string? campaignId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            state = await db.Broadcasts.AsNoTracking().FirstOrDefaultAsync(b => b.DispatchId == dispatchId, ct);
            campaignId = state?.CampaignRowId is { } row ? await db.Campaigns.Where(c => c.Id == row).Select(c => c.CampaignId).FirstOrDefaultAsync(ct) : null;
        }
        if (state is null)
        {
            return;
        }
        var payload = BroadcastPayload.FromJson(state.Payload);
        var started = time.GetTimestamp();
        while (state.Status == BroadcastStatus.Running)
        {
            CampaignTarget? target = null;
            if (campaignId is not null)
            {
                target = await campaigns.FindAsync(campaignId, ct);
                if (target is null || target.Campaign.Status != CampaignStatus.Active)
                {
                    var why = $"Cancelled after {state.Processed:N0} of {state.Total:N0} users: the campaign is {(target is null ? "gone" : CampaignLifecycle.Describe(target.Campaign.Status))}.";
                    state = await writer.SubmitAsync(new CancelBroadcastCommand(state, why), ct);
                    LogCancelled(logger, dispatchId, why);
                    return;
                }
            }
            state = await writer.SubmitAsync(new BroadcastChunkCommand(state, target, payload, options.Value.BroadcastChunk), ct);
        }
        LogCompleted(logger, dispatchId, state.Processed, state.Reached, time.GetElapsedTime(started).TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {DispatchId} completed: {Processed} user(s) worked through, {Reached} sent at least one message, in {Seconds:0.0} s")]
    private static partial void LogCompleted(ILogger logger, string dispatchId, int processed, int reached, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {DispatchId}: {Why}")]
    private static partial void LogCancelled(ILogger logger, string dispatchId, string why);

    [LoggerMessage(Level = LogLevel.Error, Message = "Broadcast {DispatchId} failed; it resumes at the next start")]
    private static partial void LogFailed(ILogger logger, string dispatchId, Exception exception);
}
