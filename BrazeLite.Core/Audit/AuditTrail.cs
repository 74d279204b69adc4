using System.Text.Json;
using BrazeLite.Core.Accounts;
using BrazeLite.Core.Audit.Storage;
using BrazeLite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BrazeLite.Core.Audit;

/// <summary>
/// Records each change in the same transaction as the change itself (so an entry exists exactly when the change
/// does), and reads the trail back. There is no way to edit or delete an entry.
/// </summary>
public sealed class AuditTrail(IDbContextFactory<BrazeLiteDbContext> dbFactory, IActorAccessor actors, TimeProvider time) : IAuditReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds an entry to <paramref name="db"/>'s pending changes; the caller's SaveChanges writes both.</summary>
    public void Record(BrazeLiteDbContext db, AuditArea area, string action, string subjectId, string subjectName,
        string? campaignId = null, IReadOnlyList<FieldChange>? changes = null, string? comment = null, Actor? actor = null)
    {
        actor ??= actors.Current;
        db.AuditEntries.Add(new AuditEntryEntity
        {
            At = time.GetUtcNow(),
            ActorId = actor?.AccountId,
            ActorName = actor?.Name ?? "System",
            Area = area,
            Action = action,
            SubjectId = subjectId,
            SubjectName = Clip(subjectName, 256),
            CampaignId = campaignId,
            Changes = JsonSerializer.Serialize(
                (changes ?? []).Select(c => new FieldChange(c.Field, FieldDiff.Shorten(c.Before), FieldDiff.Shorten(c.After))), Json),
            Comment = comment,
        });
    }

    public async Task<IReadOnlyList<AuditEntry>> ForCampaignAsync(string campaignId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(e => e.CampaignId == campaignId)
            .OrderByDescending(e => e.Id)
            .Take(500)
            .ToListAsync(ct);
        return rows.Select(ToEntry).ToList();
    }

    public async Task<AuditPage?> ListAsync(AuditQuery query, CancellationToken ct = default)
    {
        if (actors.Refusal(Capability.ReadAudit) is not null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.AuditEntries.AsNoTracking();
        if (query.Area is { } area)
        {
            rows = rows.Where(e => e.Area == area);
        }
        if (!string.IsNullOrWhiteSpace(query.ActorId))
        {
            rows = rows.Where(e => e.ActorId == query.ActorId);
        }
        if (!string.IsNullOrWhiteSpace(query.CampaignId))
        {
            rows = rows.Where(e => e.CampaignId == query.CampaignId.Trim());
        }
        if (query.From is { } from)
        {
            rows = rows.Where(e => e.At >= from);
        }
        if (query.To is { } to)
        {
            rows = rows.Where(e => e.At < to);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + query.Search.Trim().Replace("!", "!!").Replace("%", "!%").Replace("_", "!_") + "%";
            rows = rows.Where(e => EF.Functions.Like(e.SubjectName, pattern, "!") || EF.Functions.Like(e.SubjectId, pattern, "!")
                || EF.Functions.Like(e.ActorName, pattern, "!") || EF.Functions.Like(e.Action, pattern, "!"));
        }
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var total = await rows.CountAsync(ct);
        var page = Math.Max(1, query.Page);
        var list = await rows.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new AuditPage(list.Select(ToEntry).ToList(), total, page, pageSize);
    }

    public async Task<IReadOnlyList<(string Id, string Name)>> ActorsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ActorId != null)
            .GroupBy(e => e.ActorId!)
            .Select(g => new { Id = g.Key, Name = g.OrderByDescending(e => e.Id).Select(e => e.ActorName).First() })
            .ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static AuditEntry ToEntry(AuditEntryEntity e) => new(
        e.Id, e.At, e.ActorId, e.ActorName, e.Area, e.Action, e.SubjectId, e.SubjectName, e.CampaignId,
        JsonSerializer.Deserialize<List<FieldChange>>(e.Changes, Json) ?? [], e.Comment);

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>What the pages read of the trail; there is nothing to write or delete through it.</summary>
public interface IAuditReader
{
    /// <summary>A campaign's history, newest first (every role may read it).</summary>
    Task<IReadOnlyList<AuditEntry>> ForCampaignAsync(string campaignId, CancellationToken ct = default);

    /// <summary>One page of the whole trail, newest first; null unless the acting account may read it (admins).</summary>
    Task<AuditPage?> ListAsync(AuditQuery query, CancellationToken ct = default);

    /// <summary>Everyone who appears in the trail, for the page's filter.</summary>
    Task<IReadOnlyList<(string Id, string Name)>> ActorsAsync(CancellationToken ct = default);
}
