using System.Threading.RateLimiting;

namespace Dashboard.Api.RateLimiting;

/// <summary>
/// A fixed-window limiter whose windows follow the clock (an hour from :00, 3 seconds from a multiple of 3), as Braze's
/// do, so <c>X-RateLimit-Reset</c> can name the moment the window ends. The framework's fixed window starts when the
/// limiter is made and does not say when it resets.
/// </summary>
public sealed class ClockWindowRateLimiter(int permitLimit, TimeSpan window, TimeProvider time) : RateLimiter
{
    private readonly Lock _lock = new();
    private long _windowIndex = long.MinValue;
    private int _used;
    private long _successful;
    private long _failed;

    public int PermitLimit => permitLimit;

    public TimeSpan Window => window;

    /// <summary>When the current window ends (and the permits come back).</summary>
    public DateTimeOffset WindowEnd
    {
        get
        {
            lock (_lock)
            {
                return DateTimeOffset.FromUnixTimeMilliseconds((Roll() + 1) * (long)window.TotalMilliseconds);
            }
        }
    }

    public int Remaining
    {
        get
        {
            lock (_lock)
            {
                Roll();
                return permitLimit - _used;
            }
        }
    }

    // One limiter per key and class of endpoint, kept for the process's life: never idle.
    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_lock)
        {
            Roll();
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = permitLimit - _used,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            var index = Roll();
            if (_used + permitCount <= permitLimit)
            {
                _used += permitCount;
                _successful++;
                return Lease.Acquired;
            }
            _failed++;
            var end = DateTimeOffset.FromUnixTimeMilliseconds((index + 1) * (long)window.TotalMilliseconds);
            return new Lease(false, end - time.GetUtcNow());
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    // Under the lock: moves to the clock's current window, freeing every permit when it changed.
    private long Roll()
    {
        var index = time.GetUtcNow().ToUnixTimeMilliseconds() / (long)window.TotalMilliseconds;
        if (index != _windowIndex)
        {
            _windowIndex = index;
            _used = 0;
        }
        return index;
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } after && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = after;
                return true;
            }
            metadata = null;
            return false;
        }
    }
}
