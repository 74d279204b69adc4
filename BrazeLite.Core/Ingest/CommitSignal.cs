namespace BrazeLite.Core.Ingest;

/// <summary>
/// Tells the dispatcher that the writer committed (new messages may be waiting), so it need not wait for its next poll.
/// A signal given while no one waits is kept for the next wait.
/// </summary>
public sealed class CommitSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify() => _next.TrySetResult();

    /// <summary>Completes at the next commit (or one since the last wait), or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        var next = Volatile.Read(ref _next);
        if (!next.Task.IsCompleted)
        {
            try
            {
                await next.Task.WaitAsync(timeout, time, ct);
            }
            catch (TimeoutException)
            {
                return;
            }
        }
        Interlocked.CompareExchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), next);
    }
}
