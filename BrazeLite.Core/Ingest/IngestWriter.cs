using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BrazeLite.Core.Ingest;

/// <summary>
/// The one writer of the send path (docs/decisions/0005): requests queue their commands, the writer runs every command
/// queued at that moment in one transaction, commits once, and only then completes each request's task. So a request
/// is answered after its rows are durable, at the cost of one commit per batch instead of one per request.
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var store = stores.Open();
        var batch = new List<Work>(options.Value.MaxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < options.Value.MaxBatch && reader.TryRead(out var work))
            {
                batch.Add(work);
            }
            Commit(store, batch);
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
        committed?.Notify();
        foreach (var work in batch)
        {
            work.Complete();
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
            if (Error is not null)
            {
                _done.SetException(new IngestFailedException(Error));
            }
            else
            {
                _done.SetResult(_result);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An ingest request failed and was not written; it is answered 500")]
    private static partial void LogCommandFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An ingest batch of {Count} request(s) failed; each is run again alone")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);
}

/// <summary>The writer is stopping and takes no more requests.</summary>
public sealed class IngestUnavailableException() : Exception("The server is shutting down and accepts no more requests.");

/// <summary>The batch holding the request could not be committed: nothing of it was written.</summary>
public sealed class IngestFailedException(Exception inner) : Exception("The request could not be committed; nothing was written.", inner);
