using System.Net;
using BrazeLite.Core.ApiKeys.Storage;
using BrazeLite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BrazeLite.Core.ApiKeys;

/// <summary>
/// Checks a request's secret against the active keys, held in memory (keys change rarely and every REST request needs
/// one). <see cref="ApiKeyService"/> reloads it after each write; in a second process a change shows at its next reload.
/// </summary>
public sealed class ApiKeyDirectory(IDbContextFactory<BrazeLiteDbContext> dbFactory, ApiKeyUsage usage, TimeProvider time)
{
    private sealed record Entry(ApiKey Key, IReadOnlyList<IPNetwork> AllowList);

    private volatile IReadOnlyDictionary<string, Entry>? _byHash;

    // Secrets already seen to be valid, so a busy client's key is not hashed on every request. Only valid secrets
    // enter it (random guesses cannot fill it), and it empties with the key cache on every write.
    private volatile System.Collections.Concurrent.ConcurrentDictionary<string, Entry> _bySecret = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loading = new(1, 1);

    public async ValueTask<ApiKeyCheck> CheckAsync(string secret, IPAddress? client, CancellationToken ct = default)
    {
        var known = _bySecret;
        if (!known.TryGetValue(secret, out var entry))
        {
            var keys = _byHash ?? await LoadAsync(ct);
            if (!keys.TryGetValue(ApiKeySecrets.Hash(secret), out entry))
            {
                return new ApiKeyCheck(ApiKeyCheckOutcome.Unknown);
            }
            if (ReferenceEquals(known, _bySecret))
            {
                known.TryAdd(secret, entry);
            }
        }
        if (!ClientAddresses.Allows(entry.AllowList, client))
        {
            return new ApiKeyCheck(ApiKeyCheckOutcome.AddressNotAllowed, entry.Key);
        }
        usage.Record(entry.Key.KeyId, time.GetUtcNow());
        return new ApiKeyCheck(ApiKeyCheckOutcome.Valid, entry.Key);
    }

    /// <summary>Drops the cached keys; the next check loads them again.</summary>
    public void Invalidate()
    {
        _byHash = null;
        _bySecret = new(StringComparer.Ordinal);
    }

    private async Task<IReadOnlyDictionary<string, Entry>> LoadAsync(CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            if (_byHash is { } loaded)
            {
                return loaded;
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = await db.ApiKeys.AsNoTracking().Where(k => k.RevokedAt == null).ToListAsync(ct);
            var byHash = rows.ToDictionary(
                r => r.SecretHash,
                r =>
                {
                    var key = ApiKeyStorage.ToKey(r);
                    var allowList = key.AllowedIps.Select(a => ClientAddresses.TryParse(a, out var n) ? n : (IPNetwork?)null)
                        .OfType<IPNetwork>().ToList();
                    return new Entry(key, allowList);
                },
                StringComparer.Ordinal);
            _byHash = byHash;
            return byHash;
        }
        finally
        {
            _loading.Release();
        }
    }
}
