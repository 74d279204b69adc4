using Dashboard.Campaigns;

namespace Dashboard.Preview;

/// <summary>
/// Re-renders one message a short delay after the last change: each request cancels the one before it (its wait or
/// its render), so only the newest text is rendered and an older render never overwrites a newer one.
/// Keeps the last render without errors so the preview never goes blank while the template is broken.
/// </summary>
public sealed class LivePreview(PreviewRenderer renderer, TimeSpan delay) : IDisposable
{
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromMilliseconds(300);

    private CancellationTokenSource? _cts;

    /// <summary>The newest finished render.</summary>
    public ChannelPreview? Latest { get; private set; }

    /// <summary>The newest finished render without errors.</summary>
    public ChannelPreview? LastGood { get; private set; }

    /// <summary>Whether a render is waiting or running.</summary>
    public bool Pending { get; private set; }

    /// <summary>How many renders finished (cancelled ones do not count).</summary>
    public int Completed { get; private set; }

    /// <summary>Whether the preview shows an older render than the text: the newest one has errors.</summary>
    public bool Stale => Latest is { Status: PreviewStatus.Error } && LastGood is not null;

    /// <summary>Called on the caller's synchronization context after each finished render.</summary>
    public Func<Task>? Updated { get; set; }

    /// <summary>Schedules a render of <paramref name="message"/> (copied now) and cancels any earlier one.</summary>
    public void Request(MessageContentForm message, PreviewData data, TimeSpan? after = null)
    {
        _cts?.Cancel();
        _cts?.Dispose();
        var cts = _cts = new CancellationTokenSource();
        Pending = true;
        _ = RunAsync(Campaigns.Editor.CampaignFormEditing.Copy(message), data, after ?? delay, cts.Token);
    }

    private async Task RunAsync(MessageContentForm message, PreviewData data, TimeSpan wait, CancellationToken ct)
    {
        try
        {
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }
            var result = await Task.Run(() => renderer.Render(message, data, PreviewErrorMode.Strict, ct), ct);
            if (ct.IsCancellationRequested)
            {
                return;
            }
            Latest = result;
            if (result.Status != PreviewStatus.Error)
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
