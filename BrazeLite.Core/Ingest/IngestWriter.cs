using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BrazeLite.Core.Ingest;

/// <summary>
/// The one writer of the send path (docs/decisions/0005): requests queue their commands, the writer runs every command
/// queued at that moment in one transaction and commits once. A second loop then makes the committed batches durable
/// (one <see cref="IIngestStore.Flush"/> for every batch committed since the last) and only then completes each
/// request's task, while the writer goes on with the next batch. So a request is answered after its rows are durable,
/// at the cost of one commit per batch instead of one per request, and the writer never waits for the disk. A third
/// loop checkpoints the log beside the writer (<see cref="IIngestStore.Checkpoint"/>), so no commit waits for that either.
/// </summary>
public sealed partial class IngestWriter(
    IIngestStoreFactory stores,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<IngestWriter> logger,
    CommitSignal? committed = null) : BackgroundService
{
    private readonly Channel<Work> _queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Queues <paramref name="command"/> and completes when its batch is committed (or failed).</summary>
    /// <exception cref="IngestUnavailableException">The writer is stopping.</exception>
    public async Task<T> SubmitAsync<T>(IIngestCommand<T> command, CancellationToken ct = default)
    {
        var work = new Work<T>(command);
        try
        {
            await _queue.Writer.WriteAsync(work, ct);
        }
        catch (ChannelClosedException)
        {
            throw new IngestUnavailableException();
        }
        // Once queued the command will run: the caller's cancellation no longer undoes it.
        return await work.Task;
    }

    // Batches committed but not yet durable, in commit order; only the writer loop adds to it.
    private readonly Channel<List<Work>> _committed = Channel.CreateUnbounded<List<Work>>(new UnboundedChannelOptions
    {
        SingleReader = true,
        SingleWriter = true,
    });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var store = stores.Open();
        var durable = Task.Run(() => MakeDurableAsync(store), CancellationToken.None);
        using var stopCheckpoints = new CancellationTokenSource();
        var checkpoints = Task.Run(() => CheckpointAsync(store, stopCheckpoints.Token), CancellationToken.None);
        try
        {
            var reader = _queue.Reader;
            while (await reader.WaitToReadAsync(CancellationToken.None))
            {
                var batch = new List<Work>(Math.Min(options.Value.MaxBatch, reader.Count));
                while (batch.Count < options.Value.MaxBatch && reader.TryRead(out var work))
                {
                    batch.Add(work);
                }
                Commit(store, batch);
                Interlocked.Increment(ref _commits);
                _committed.Writer.TryWrite(batch);
            }
        }
        finally
        {
            _committed.Writer.TryComplete();
            await durable;
            await stopCheckpoints.CancelAsync();
            await checkpoints;
        }
    }

    // Batches committed so far; the checkpoint loop skips a round in which there were none.
    private long _commits;

    /// <summary>Checkpoints every <see cref="IngestOptions.CheckpointIntervalMs"/> while the writer commits, off its thread.</summary>
    private async Task CheckpointAsync(IIngestStore store, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.CheckpointIntervalMs), time);
        var seen = 0L;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var commits = Interlocked.Read(ref _commits);
                if (commits == seen)
                {
                    continue;
                }
                seen = commits;
                try
                {
                    store.Checkpoint();
                }
                catch (Exception e)
                {
                    // Nothing is lost: the frames stay in the log, and the writer's own checkpoint is the safety net.
                    LogCheckpointFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Syncs what the writer has committed and answers it: every batch waiting at that moment is covered by one flush.
    /// If the flush fails, the batches' requests get 500, since their rows may not survive a crash of the machine.
    /// </summary>
    private async Task MakeDurableAsync(IIngestStore store)
    {
        var reader = _committed.Reader;
        var waiting = new List<List<Work>>();
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            waiting.Clear();
            while (reader.TryRead(out var batch))
            {
                waiting.Add(batch);
            }
            Exception? failure = null;
            try
            {
                store.Flush();
            }
            catch (Exception e)
            {
                // Whatever the reason, these rows are not known to be on disk: their requests must not get a 2xx.
                failure = new NotDurableException(e);
                LogFlushFailed(logger, waiting.Sum(b => b.Count), e);
            }
            committed?.Notify();
            foreach (var batch in waiting)
            {
                foreach (var work in batch)
                {
                    work.Error ??= failure;
                    work.Complete();
                }
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Finish what is queued, then stop; requests arriving from now on get 503.
        _queue.Writer.TryComplete();
        if (ExecuteTask is { } running)
        {
            await running.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        await base.StopAsync(cancellationToken);
    }

    private void Commit(IIngestStore store, List<Work> batch)
    {
        var now = time.GetUtcNow();
        if (!TryRun(store, batch, now, out var failure))
        {
            // Nothing of the batch is written. Run each request alone, so only the one at fault fails (a command throws only
            // on a bug or a failing disk, so this path is rare and the common one needs no savepoint per request).
            LogBatchFailed(logger, batch.Count, failure!);
            foreach (var work in batch)
            {
                var own = failure;
                if (batch.Count == 1 || !TryRun(store, [work], now, out own))
                {
                    work.Error = own;
                    LogCommandFailed(logger, own!);
                }
            }
        }
    }

    private static bool TryRun(IIngestStore store, IReadOnlyList<Work> works, DateTimeOffset now, out Exception? failure)
    {
        var session = new IngestSession(store, now);
        try
        {
            store.Begin();
            foreach (var work in works)
            {
                work.Execute(session);
            }
            store.Commit();
            failure = null;
            return true;
        }
        catch (Exception e)
        {
            store.Rollback();
            failure = e;
            return false;
        }
    }

    /// <summary>The flush after a commit failed: the rows are written but may not survive a crash of the machine.</summary>
    private sealed class NotDurableException(Exception inner) : Exception("The disk did not confirm a committed batch.", inner);

    private abstract class Work
    {
        /// <summary>Why the request failed; nothing of it was written.</summary>
        public Exception? Error { get; set; }

        public abstract void Execute(IngestSession session);

        public abstract void Complete();
    }

    private sealed class Work<T>(IIngestCommand<T> command) : Work
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Task => _done.Task;

        public override void Execute(IngestSession session) => _result = command.Execute(session);

        public override void Complete()
        {
            if (Error is NotDurableException)
            {
                _done.SetException(new IngestFailedException(
                    "The request was committed, but the disk did not confirm it; retry with the same Idempotency-Key to learn its outcome.", Error));
            }
            else if (Error is not null)
            {
                _done.SetException(new IngestFailedException(Error));
            }
            else
            {
                _done.SetResult(_result);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The disk did not confirm {Count} committed request(s); they are answered 500")]
    private static partial void LogFlushFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A checkpoint of the ingest log failed; the next one tries again")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "An ingest request failed and was not written; it is answered 500")]
    private static partial void LogCommandFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An ingest batch of {Count} request(s) failed; each is run again alone")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);
}

/// <summary>The writer is stopping and takes no more requests.</summary>
public sealed class IngestUnavailableException() : Exception("The server is shutting down and accepts no more requests.");

/// <summary>The batch holding the request could not be committed: nothing of it was written.</summary>
public sealed class IngestFailedException(string message, Exception inner) : Exception(message, inner)
{
    public IngestFailedException(Exception inner) : this("The request could not be committed; nothing was written.", inner)
    {
    }
}
