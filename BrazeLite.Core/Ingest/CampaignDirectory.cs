using System.Collections.Concurrent;
using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Campaigns.Storage;
using BrazeLite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BrazeLite.Core.Ingest;

/// <summary>A campaign as the send path needs it: its row (for the rows that refer to it) and its read model.</summary>
public sealed record CampaignTarget(int RowId, Campaign Campaign);

/// <summary>
/// The campaigns the send path reads on every request, kept in memory and dropped when <see cref="CampaignChanges"/>
/// says one changed. Unknown IDs are not remembered, so random IDs cannot fill it.
/// </summary>
public sealed class CampaignDirectory
{
    private readonly IDbContextFactory<BrazeLiteDbContext> _dbFactory;
    private readonly ConcurrentDictionary<string, CampaignTarget> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, CampaignTarget> _byRow = new();
    private long _version;

    public CampaignDirectory(IDbContextFactory<BrazeLiteDbContext> dbFactory, CampaignChanges changes)
    {
        _dbFactory = dbFactory;
        changes.Changed += id =>
        {
            Interlocked.Increment(ref _version);
            if (_cache.TryRemove(Ids.Key(id), out var removed))
            {
                _byRow.TryRemove(removed.RowId, out _);
            }
            else
            {
                _byRow.Clear();
            }
        };
    }

    public async ValueTask<CampaignTarget?> FindAsync(string campaignId, CancellationToken ct = default)
    {
        var key = Ids.Key(campaignId);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }
        return await LoadAsync(c => c.CampaignId == key, target => _cache[key] = target, ct);
    }

    /// <summary>The campaign of row <paramref name="rowId"/> as it is now (the dispatcher renders with the current copy), or null when deleted.</summary>
    public async ValueTask<CampaignTarget?> FindByRowAsync(int rowId, CancellationToken ct = default)
    {
        if (_byRow.TryGetValue(rowId, out var cached))
        {
            return cached;
        }
        return await LoadAsync(c => c.Id == rowId, target => _byRow[rowId] = target, ct);
    }

    private async ValueTask<CampaignTarget?> LoadAsync(System.Linq.Expressions.Expression<Func<CampaignEntity, bool>> which,
        Action<CampaignTarget> remember, CancellationToken ct)
    {
        var version = Interlocked.Read(ref _version);
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var entity = await db.Campaigns.AsNoTracking().Include(c => c.Variations).FirstOrDefaultAsync(which, ct);
        if (entity is null)
        {
            return null;
        }
        var target = new CampaignTarget(entity.Id, CampaignStorage.ToCampaign(entity));
        // A change while loading may have made this copy stale: keep it only when nothing changed meanwhile.
        if (Interlocked.Read(ref _version) == version)
        {
            remember(target);
        }
        return target;
    }
}
