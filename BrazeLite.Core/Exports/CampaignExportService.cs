using System.Text.Json;
using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Campaigns.Storage;
using BrazeLite.Core.Data;
using BrazeLite.Core.Delivery;
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
    /// The campaign's results for each of the <paramref name="days"/> UTC days up to the one holding
    /// <paramref name="endingAt"/> (messages made after <paramref name="endingAt"/> are left out). Null when no campaign
    /// has the ID. Counted in the database, grouped by day, variation, status and delivery state.
    /// </summary>
    public async Task<(Campaign Campaign, IReadOnlyList<CampaignDay> Days)?> DataSeriesAsync(string campaignId, int days, DateTimeOffset endingAt,
        CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = Ids.Key(campaignId);
        var entity = await db.Campaigns.AsNoTracking().Include(c => c.Variations).FirstOrDefaultAsync(c => c.CampaignId == key, ct);
        if (entity is null)
        {
            return null;
        }
        var campaign = CampaignStorage.ToCampaign(entity);
        var lastDay = DateOnly.FromDateTime(endingAt.UtcDateTime);
        var firstDay = lastDay.AddDays(1 - days);
        var from = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // Times are stored as UTC ticks (UtcTicksConverter), so a message's day is its ticks divided by a day's ticks.
        // Plain SQL that SQLite and PostgreSQL both read; grouped by position, as the day is an expression.
        var counts = await db.Database.SqlQuery<SeriesCount>($"""
            SELECT m.CreatedAt / {TimeSpan.TicksPerDay} AS Day, m.VariationId AS VariationId, m.Status AS Status, d.State AS State, COUNT(*) AS Count
            FROM Messages m LEFT JOIN Deliveries d ON d.MessageId = m.Id
            WHERE m.CampaignRowId = {entity.Id} AND m.VariationId IS NOT NULL AND m.CreatedAt >= {from.UtcTicks} AND m.CreatedAt <= {endingAt.UtcTicks}
            GROUP BY 1, 2, 3, 4
            """).ToListAsync(ct);
        var recipients = await db.Database.SqlQuery<SeriesRecipients>($"""
            SELECT m.CreatedAt / {TimeSpan.TicksPerDay} AS Day, COUNT(DISTINCT m.UserRowId) AS Count
            FROM Messages m
            WHERE m.CampaignRowId = {entity.Id} AND m.Status = {nameof(MessageStatus.Accepted)} AND m.CreatedAt >= {from.UtcTicks} AND m.CreatedAt <= {endingAt.UtcTicks}
            GROUP BY 1
            """).ToListAsync(ct);
        var firstDayNumber = from.UtcTicks / TimeSpan.TicksPerDay;
        var byDayAndVariation = counts.ToLookup(c => (c.Day, c.VariationId));
        var recipientsByDay = recipients.ToDictionary(r => r.Day, r => r.Count);
        var result = new List<CampaignDay>(days);
        for (var i = 0; i < days; i++)
        {
            var day = firstDayNumber + i;
            int Sum(string variationId, Func<SeriesCount, bool> which) => byDayAndVariation[(day, variationId)].Where(which).Sum(c => c.Count);
            var variations = campaign.Variations.Select(v => new VariationDay(v,
                Sent: Sum(v.VariationId, c => c.Status == nameof(MessageStatus.Accepted) && c.State != nameof(DeliveryState.Aborted)),
                Delivered: Sum(v.VariationId, c => c.Status == nameof(MessageStatus.Accepted) && c.State == nameof(DeliveryState.Delivered)),
                Failed: Sum(v.VariationId, c => c.Status == nameof(MessageStatus.Accepted) && c.State == nameof(DeliveryState.Failed)),
                Enrolled: Sum(v.VariationId, c => c.Status == nameof(MessageStatus.Control)))).ToList();
            result.Add(new CampaignDay(firstDay.AddDays(i), recipientsByDay.GetValueOrDefault(day), variations));
        }
        LogDataSeries(logger, campaignId, days, counts.Count);
        return (campaign, result);
    }

    private sealed class SeriesCount
    {
        public long Day { get; init; }
        public string VariationId { get; init; } = "";
        public string Status { get; init; } = "";
        public string? State { get; init; }
        public int Count { get; init; }
    }

    private sealed class SeriesRecipients
    {
        public long Day { get; init; }
        public int Count { get; init; }
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "data_series of campaign {CampaignId}: {Days} day(s) from {Groups} counted group(s)")]
    private static partial void LogDataSeries(ILogger logger, string campaignId, int days, int groups);

    [LoggerMessage(Level = LogLevel.Information, Message = "send_id {SendId} made for campaign {CampaignId}")]
    private static partial void LogSendId(ILogger logger, string sendId, string campaignId);
}
