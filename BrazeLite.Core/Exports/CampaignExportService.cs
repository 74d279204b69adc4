using System.Text.Json;
using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Campaigns.Storage;
using BrazeLite.Core.Data;
using BrazeLite.Core.Ingest;
using BrazeLite.Core.Ingest.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BrazeLite.Core.Exports;

/// <summary>The read side of the REST API: the campaign list and details, and the send IDs made for campaigns.</summary>
public sealed partial class CampaignExportService(IDbContextFactory<BrazeLiteDbContext> dbFactory, TimeProvider time, ILogger<CampaignExportService> logger)
{
    public async Task<IReadOnlyList<CampaignListEntry>> ListAsync(CampaignListQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaigns = db.Campaigns.AsNoTracking();
        if (!query.IncludeArchived)
        {
            campaigns = campaigns.Where(c => c.Status != CampaignStatus.Archived);
        }
        if (query.EditedAfter is { } after)
        {
            campaigns = campaigns.Where(c => c.UpdatedAt > after);
        }
        campaigns = query.Descending
            ? campaigns.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            : campaigns.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id);
        var rows = await campaigns
            .Skip(query.Page * CampaignListQuery.PageSize).Take(CampaignListQuery.PageSize)
            .Select(c => new { c.CampaignId, c.Name, c.UpdatedAt, c.Type, c.Tags })
            .ToListAsync(ct);
        return rows.Select(r => new CampaignListEntry(r.CampaignId, r.Name, r.UpdatedAt, r.Type == CampaignType.Api,
            JsonSerializer.Deserialize<List<string>>(r.Tags) ?? [])).ToList();
    }

    /// <summary>The campaign and when it first and last sent, or null when no campaign has the ID.</summary>
    public async Task<(Campaign Campaign, CampaignSendTimes Sent)?> DetailsAsync(string campaignId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = Ids.Key(campaignId);
        var entity = await db.Campaigns.AsNoTracking().Include(c => c.Variations).FirstOrDefaultAsync(c => c.CampaignId == key, ct);
        if (entity is null)
        {
            return null;
        }
        var accepted = db.Messages.Where(m => m.CampaignRowId == entity.Id && m.Status == MessageStatus.Accepted);
        var first = await accepted.OrderBy(m => m.Id).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(ct);
        var last = await accepted.OrderByDescending(m => m.Id).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(ct);
        return (CampaignStorage.ToCampaign(entity), new CampaignSendTimes(first, last));
    }

    /// <summary>
    /// Makes a <c>send_id</c> for the campaign: the one asked for (kept when it exists already, so it can group several
    /// sends), or a new one. Null when no campaign has the ID.
    /// </summary>
    public async Task<string?> CreateSendIdAsync(string campaignId, string? sendId, string? apiKeyId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = Ids.Key(campaignId);
        var rowId = await db.Campaigns.Where(c => c.CampaignId == key).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (rowId is null)
        {
            return null;
        }
        var id = sendId ?? Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
        if (!await db.SendIds.AnyAsync(s => s.CampaignRowId == rowId && s.SendId == id, ct))
        {
            db.SendIds.Add(new SendIdEntity { CampaignRowId = rowId.Value, SendId = id, ApiKeyId = apiKeyId, CreatedAt = time.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Made by a concurrent request meanwhile: the same answer. Anything else is a real failure.
                await using var check = await dbFactory.CreateDbContextAsync(ct);
                if (!await check.SendIds.AnyAsync(s => s.CampaignRowId == rowId && s.SendId == id, ct))
                {
                    throw;
                }
            }
        }
        LogSendId(logger, id, key);
        return id;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "send_id {SendId} made for campaign {CampaignId}")]
    private static partial void LogSendId(ILogger logger, string sendId, string campaignId);
}
