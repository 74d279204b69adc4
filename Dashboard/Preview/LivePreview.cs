namespace Dashboard.Preview;

/// <summary>
/// Re-renders one message a short delay after the last change: each request cancels the one before it (its wait or
/// its render), so only the newest text is rendered and an older render never overwrites a newer one.
/// Keeps the last render without errors so the preview never goes blank while the template is broken.
/// </summary>
public sealed class LivePreview(MessageRenderer renderer, TimeProvider time) : IDisposable
{
    /// <summary>How long after the last change the preview renders.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(300);

    private CancellationTokenSource? _cts;

    /// <summary>The newest finished render.</summary>
    public RenderedMessage? Latest { get; private set; }

    /// <summary>The newest finished render without errors.</summary>
    public RenderedMessage? LastGood { get; private set; }

    /// <summary>Whether a render is waiting or running.</summary>
    public bool Pending { get; private set; }

    /// <summary>How many renders finished (cancelled ones do not count).</summary>
    public int Completed { get; private set; }

    /// <summary>Whether the preview shows an older render than the text: the newest one has errors.</summary>
    public bool Stale => Latest is { Status: RenderStatus.Error } && LastGood is not null;

    /// <summary>Called after each finished render, off the caller's thread: marshal to the UI with InvokeAsync.</summary>
    public Func<Task>? Updated { get; set; }

    /// <summary>Schedules a render of <paramref name="message"/> (immutable, so it is the text as of now) and cancels any earlier one.</summary>
    public void Request(ChannelMessage message, RenderData data, TimeSpan? after = null)
    {
        _cts?.Cancel();
        _cts?.Dispose();
        var cts = _cts = new CancellationTokenSource();
        Pending = true;
        _ = RunAsync(message, data, after ?? Delay, cts.Token);
    }

    private async Task RunAsync(ChannelMessage message, RenderData data, TimeSpan wait, CancellationToken ct)
    {
        try
        {
            if (wait > TimeSpan.Zero)
            {
                // Off the caller's context: the wait may end on whatever thread moves the clock.
                await Task.Delay(wait, time, ct).ConfigureAwait(false);
            }
            var result = await Task.Run(() => renderer.Render(message, data, LiquidErrorMode.Strict, ct), ct).ConfigureAwait(false);
            if (ct.IsCancellationRequested)
            {
                return;
            }
            Latest = result;
            if (result.Status != RenderStatus.Error)
            {
                LastGood = result;
            }
            Pending = false;
            Completed++;
            if (Updated is { } updated)
            {
                await updated();
            }
        }
        catch (OperationCanceledException)
        {
            // A newer request replaced this one.
        }
    }

    public void Dispose()
    {
        _cts?.Cancel();
        _cts?.Dispose();
        _cts = null;
    }
}
