using System.Collections.Concurrent;

namespace BrazeLite.Core.ApiKeys;

/// <summary>
/// When each key was last used, kept in memory per request and written to the database in the background
/// (<see cref="ApiKeyUsageWriter"/>): a write per REST request would cost more than the request itself.
/// </summary>
public sealed class ApiKeyUsage
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pending = new(StringComparer.Ordinal);

    public void Record(string keyId, DateTimeOffset at) =>
        _pending.AddOrUpdate(keyId, at, (_, previous) => at > previous ? at : previous);

    /// <summary>The last use not yet written, if any.</summary>
    public DateTimeOffset? Pending(string keyId) => _pending.TryGetValue(keyId, out var at) ? at : null;

    /// <summary>Takes every pending use, leaving later ones recorded meanwhile in place.</summary>
    public IReadOnlyList<(string KeyId, DateTimeOffset At)> Drain()
    {
        var taken = new List<(string, DateTimeOffset)>();
        foreach (var (keyId, at) in _pending)
        {
            if (_pending.TryRemove(new KeyValuePair<string, DateTimeOffset>(keyId, at)))
            {
                taken.Add((keyId, at));
            }
        }
        return taken;
    }
}
