using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Delivery.Senders;
using BrazeLite.Core.Delivery.Storage;
using BrazeLite.Core.Ingest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace BrazeLite.Core.Delivery;

/// <summary>
/// Takes every accepted message to its destination: claims them in order (<see cref="DeliveryQueue"/>), renders each for
/// its recipient (<see cref="MessageComposer"/>), hands it to its channel's sender through a retry pipeline (exponential
/// backoff with jitter, <c>Retry-After</c> honoured, a bounded number of attempts), and writes back how each ended, in
/// batches. Several messages are in flight at once; a provider's throttle holds its own.
/// </summary>
public sealed partial class DeliveryDispatcher : BackgroundService
{
    private static readonly ResiliencePropertyKey<Attempts> AttemptsKey = new("BrazeLite.Attempts");

    private readonly DeliveryQueue _queue;
    private readonly CampaignDirectory _campaigns;
    private readonly DeliveryPacer _pacer = new();
    private readonly MessageComposer _composer;
    private readonly ChannelSenders _senders;
    private readonly CommitSignal _signal;
    private readonly DeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DeliveryDispatcher> _logger;
    private readonly ResiliencePipeline<SendResult> _pipeline;
    private readonly System.Threading.Channels.Channel<DeliveryOutcome> _outcomes =
        System.Threading.Channels.Channel.CreateUnbounded<DeliveryOutcome>(new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true });
    private long _finished;
    private long _renderTicks;
    private long _lastStats;
    private long _handOverTicks;

    public DeliveryDispatcher(DeliveryQueue queue, CampaignDirectory campaigns, MessageComposer composer, ChannelSenders senders, CommitSignal signal,
        IOptions<DeliveryOptions> options, TimeProvider time, ILogger<DeliveryDispatcher> logger)
    {
        _queue = queue;
        _campaigns = campaigns;
        _composer = composer;
        _senders = senders;
        _signal = signal;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _pipeline = BuildPipeline();
    }

    /// <summary>Messages finished (delivered, captured, failed or aborted) since start; for tests and the load run.</summary>
    public long Finished => Interlocked.Read(ref _finished);

    /// <summary>Time spent rendering (composition, connected content included) and handing over (retries included), summed over messages.</summary>
    public (TimeSpan Render, TimeSpan HandOver) Spent =>
        (TimeSpan.FromTicks(Interlocked.Read(ref _renderTicks)), TimeSpan.FromTicks(Interlocked.Read(ref _handOverTicks)));

    /// <summary>Raised after a batch of outcomes is written.</summary>
    public event Action? Completed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            LogDisabled(_logger);
            return;
        }
        var recovered = await _queue.RecoverAsync(stoppingToken);
        if (recovered > 0)
        {
            LogRecovered(_logger, recovered);
        }
        var writer = WriteOutcomesAsync();
        using var slots = new SemaphoreSlim(_options.MaxConcurrency);
        var running = new HashSet<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var free = slots.CurrentCount + 1;
                IReadOnlyList<OutboundMessage> claimed;
                try
                {
                    claimed = await _queue.ClaimAsync(Math.Min(_options.BatchSize, free), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    slots.Release();
                    LogClaimFailed(_logger, e);
                    await Task.Delay(_options.PollInterval, _time, stoppingToken);
                    continue;
                }
                if (claimed.Count == 0)
                {
                    slots.Release();
                    await _signal.WaitAsync(_options.PollInterval, _time, stoppingToken);
                    continue;
                }
                for (var i = 0; i < claimed.Count; i++)
                {
                    if (i > 0)
                    {
                        await slots.WaitAsync(CancellationToken.None); // claimed no more than were free
                    }
                    var task = DeliverAsync(claimed[i], stoppingToken);
                    lock (running) running.Add(task);
                    _ = task.ContinueWith(t =>
                    {
                        lock (running) running.Remove(t);
                        slots.Release();
                    }, TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            Task[] left;
            lock (running) left = [.. running];
            await Task.WhenAll(left);
            _outcomes.Writer.TryComplete();
            await writer;
        }
    }

    private async Task DeliverAsync(OutboundMessage message, CancellationToken ct)
    {
        DeliveryOutcome outcome;
        try
        {
            outcome = await RunAsync(message, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return; // stopping: the message stays claimed and is found again, as interrupted, at the next start
        }
        catch (Exception e)
        {
            LogDeliveryCrashed(_logger, message.MessageId, e);
            outcome = new DeliveryOutcome(message.MessageId, DeliveryState.Failed, message.Attempt, null, null, null, [],
                $"Internal error while delivering: {e.Message}", null, null, null, []);
        }
        await _outcomes.Writer.WriteAsync(outcome, CancellationToken.None);
    }

    private async Task<DeliveryOutcome> RunAsync(OutboundMessage message, CancellationToken ct)
    {
        if (message.CampaignRowId is int row && await _campaigns.FindByRowAsync(row, ct) is { Campaign.ThrottlePerSecond: int rate })
        {
            var (wait, parkUntil) = _pacer.Take(row, rate, _time.GetUtcNow());
            if (parkUntil is { } until)
            {
                // Not an attempt: the claim's count is given back, and the message waits in the queue for its turn.
                return new DeliveryOutcome(message.MessageId, DeliveryState.Throttled, message.Attempt - 1, until, null, null, [], null, null, null, null, []);
            }
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, ct);
            }
        }
        var rendering = _time.GetTimestamp();
        var composition = await _composer.ComposeAsync(message, ct);
        Interlocked.Add(ref _renderTicks, _time.GetElapsedTime(rendering).Ticks);
        if (composition.Failure is { } failure)
        {
            LogNotSent(_logger, message.MessageId, failure);
            return Finish(message, DeliveryState.Failed, null, composition, failure, [Log(message.MessageId, message.Attempt, failure, false)]);
        }
        if (composition.Aborted)
        {
            var reason = composition.AbortReason!.Length == 0 ? "abort_message (no reason given)" : composition.AbortReason;
            LogAborted(_logger, message.MessageId, reason);
            return Finish(message, DeliveryState.Aborted, null, composition, reason, []);
        }

        var content = composition.Content!;
        var sender = _senders.For(message.Channel);
        var senderName = sender.NameFor(message.Channel);
        await _senders.WaitTurnAsync(senderName, ct);

        var handing = _time.GetTimestamp();
        var attempts = new Attempts(message.MessageId, message.Attempt, _time);
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(AttemptsKey, attempts);
        SendResult result;
        try
        {
            result = await _pipeline.ExecuteAsync(
                async (ctx, state) =>
                {
                    var a = ctx.Properties.GetValue(AttemptsKey, state);
                    return await sender.SendAsync(content, new SendContext(message.MessageId, message.DispatchId, a.Current), ctx.CancellationToken);
                },
                context,
                attempts);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            result = SendResult.Transient($"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        Interlocked.Add(ref _handOverTicks, _time.GetElapsedTime(handing).Ticks);
        var done = attempts.Current;
        attempts.Record(result, retried: false);
        if (result.IsSuccess)
        {
            var state = result.Outcome == SendOutcome.Captured ? DeliveryState.Captured : DeliveryState.Delivered;
            LogSent(_logger, message.MessageId, ChannelInfo.Label(message.Channel), senderName, done);
            return Finish(message, state, senderName, composition, null, attempts.Log, done, result);
        }
        if (result.Outcome == SendOutcome.Transient && done < _options.MaxAttempts)
        {
            // A wait too long to hold in memory (a long Retry-After): back to the queue until then.
            var wait = result.RetryAfter ?? _options.MaxRetryDelay;
            attempts.Log[^1].Retried = true;
            LogRescheduled(_logger, message.MessageId, result.Description, wait);
            return Finish(message, DeliveryState.Retrying, senderName, composition, result.Description, attempts.Log, done, result) with
            {
                NextAttemptAt = _time.GetUtcNow() + wait,
            };
        }
        var error = result.Outcome == SendOutcome.Transient
            ? $"Gave up after {Text.Words.Plural(done, "attempt")}: {result.Description}"
            : result.Description;
        LogFailed(_logger, message.MessageId, error);
        return Finish(message, DeliveryState.Failed, senderName, composition, error, attempts.Log, done, result);
    }

    private DeliveryOutcome Finish(OutboundMessage message, DeliveryState state, string? sender, Composition composition, string? error,
        List<DeliveryAttemptEntity> log, int? attempts = null, SendResult? result = null) =>
        new(message.MessageId, state, attempts ?? message.Attempt, null, sender, composition.Content?.ToJson(), composition.Warnings, error,
            result?.Reference, result?.Response, (composition.Content as ContentCardContent)?.ExpiresAt, log);

    private DeliveryAttemptEntity Log(long messageId, int number, string outcome, bool retried) =>
        new() { MessageId = messageId, Number = number, At = _time.GetUtcNow(), Outcome = outcome, Retried = retried };

    private ResiliencePipeline<SendResult> BuildPipeline() =>
        new ResiliencePipelineBuilder<SendResult> { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions<SendResult>
            {
                MaxRetryAttempts = _options.MaxAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.FirstRetryDelay,
                MaxDelay = _options.MaxRetryDelay,
                ShouldHandle = args =>
                {
                    var attempts = args.Context.Properties.GetValue(AttemptsKey, null!);
                    var transient = args.Outcome.Result is { Outcome: SendOutcome.Transient } r
                            ? r.RetryAfter is null || r.RetryAfter <= _options.MaxRetryDelay
                            : args.Outcome.Exception is { } e && e is not OperationCanceledException;
                    return ValueTask.FromResult(transient && attempts.Current < _options.MaxAttempts);
                },
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                OnRetry = args =>
                {
                    var attempts = args.Context.Properties.GetValue(AttemptsKey, null!);
                    attempts.Record(args.Outcome.Result ?? SendResult.Transient(args.Outcome.Exception!.Message), retried: true);
                    attempts.Current++;
                    LogRetrying(_logger, attempts.MessageId, args.Outcome.Result?.Description ?? args.Outcome.Exception?.Message, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    private async Task WriteOutcomesAsync()
    {
        var reader = _outcomes.Reader;
        var batch = new List<DeliveryOutcome>();
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < 500 && reader.TryRead(out var outcome))
            {
                batch.Add(outcome);
            }
            try
            {
                await _queue.CompleteAsync(batch, CancellationToken.None);
                Interlocked.Add(ref _finished, batch.Count(o => DeliveryStates.IsFinal(o.State)));
                Completed?.Invoke();
                if (_time.GetElapsedTime(_lastStats) >= TimeSpan.FromSeconds(5))
                {
                    _lastStats = _time.GetTimestamp();
                    var (render, handOver) = Spent;
                    LogStats(_logger, Finished, (long)render.TotalMilliseconds, (long)handOver.TotalMilliseconds);
                }
            }
            catch (Exception e)
            {
                // The messages stay claimed; their lease runs out and they are claimed again as interrupted.
                LogCompleteFailed(_logger, batch.Count, e);
            }
        }
    }

    /// <summary>One message's attempts within a claim: the current number, and how each ended.</summary>
    private sealed class Attempts(long messageId, int first, TimeProvider time)
    {
        public long MessageId => messageId;

        public int Current { get; set; } = first;

        public List<DeliveryAttemptEntity> Log { get; } = [];

        public void Record(SendResult result, bool retried) => Log.Add(new DeliveryAttemptEntity
        {
            MessageId = messageId,
            Number = Current,
            At = time.GetUtcNow(),
            Outcome = result.Description.Length <= 1000 ? result.Description : result.Description[..1000],
            Retried = retried,
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} message(s) were being sent when BrazeLite last stopped; they are sent again as interrupted attempts")]
    private static partial void LogRecovered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery is off in this process (Delivery:Enabled is false): accepted messages wait in the queue")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Claiming messages to deliver failed; trying again shortly")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering message {MessageId} failed unexpectedly")]
    private static partial void LogDeliveryCrashed(ILogger logger, long messageId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} not sent: {Reason}")]
    private static partial void LogNotSent(ILogger logger, long messageId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} aborted: {Reason}")]
    private static partial void LogAborted(ILogger logger, long messageId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} ({Channel}) handed to {Sender} on attempt {Attempt}")]
    private static partial void LogSent(ILogger logger, long messageId, string channel, string sender, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId}: {Problem}; retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, long messageId, string? problem, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId}: {Problem}; queued again for {Wait}")]
    private static partial void LogRescheduled(ILogger logger, long messageId, string problem, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, long messageId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery stats: {Finished} finished since start; rendering took {RenderMs} ms and handing over {HandOverMs} ms in all")]
    private static partial void LogStats(ILogger logger, long finished, long renderMs, long handOverMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} delivery outcome(s) failed; their messages will be claimed again")]
    private static partial void LogCompleteFailed(ILogger logger, int count, Exception exception);
}
