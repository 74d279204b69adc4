using System.Text.Json;
using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Campaigns.Storage;
using BrazeLite.Core.Data;
using BrazeLite.Core.Delivery;
using BrazeLite.Core.Delivery.Storage;
using BrazeLite.Core.Ingest;
using BrazeLite.Core.Ingest.Storage;
using BrazeLite.Core.Users.Storage;
using Microsoft.EntityFrameworkCore;

namespace BrazeLite.Core.Activity;

/// <summary>
/// The message activity log: every recorded message (accepted, skipped with its reason, control) and every refused
/// request, newest first, with the campaign page's per-variant counts.
/// </summary>
public sealed class ActivityLogService(IDbContextFactory<BrazeLiteDbContext> dbFactory)
{
    public async Task<ActivityPage> FindAsync(ActivityQuery query, CancellationToken ct = default)
    {
        var limit = Math.Clamp(query.Limit, 1, ActivityQuery.MaxLimit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        int? campaignRowId = null;
        string? campaignKey = null;
        if (!string.IsNullOrWhiteSpace(query.CampaignId))
        {
            campaignKey = Ids.Key(query.CampaignId);
            campaignRowId = await db.Campaigns.Where(c => c.CampaignId == campaignKey).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct) ?? -1;
        }
        List<int>? userRowIds = null;
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var text = query.User.Trim();
            var email = text.ToLowerInvariant();
            userRowIds = await db.Users.Where(u => u.ExternalId == text || u.Email == email).Select(u => u.Id).ToListAsync(ct);
        }

        var entries = new List<ActivityEntry>();
        if (query.Status is not ActivityStatus.Rejected)
        {
            entries.AddRange(await MessagesAsync(db, query, campaignRowId, userRowIds, query.User?.Trim(), limit + 1, ct));
        }
        if (query.Status is null or ActivityStatus.Rejected && query.User is null or "" && query.DispatchId is null or "")
        {
            entries.AddRange(await RejectedAsync(db, query, campaignKey, limit + 1, ct));
        }
        var ordered = entries.OrderByDescending(e => e.Time).ToList();
        return new ActivityPage(ordered.Take(limit).ToList(), ordered.Count > limit);
    }

    /// <summary>Per variant and channel (control once), what acceptance decided for the campaign's users.</summary>
    public async Task<IReadOnlyList<VariantCount>> CountsAsync(Campaign campaign, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = Ids.Key(campaign.CampaignId);
        var rowId = await db.Campaigns.Where(c => c.CampaignId == key).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        var counts = rowId is null
            ? []
            : await db.Messages.Where(m => m.CampaignRowId == rowId && m.VariationId != null)
                .GroupBy(m => new { m.VariationId, m.Status })
                .Select(g => new { g.Key.VariationId, g.Key.Status, Count = g.Count() })
                .ToListAsync(ct);
        var delivered = rowId is null
            ? []
            : await (from m in db.Messages
                     join d in db.Deliveries on m.Id equals d.MessageId
                     where m.CampaignRowId == rowId && m.VariationId != null && m.Status == MessageStatus.Accepted
                     group d by new { m.VariationId, d.State } into g
                     select new { g.Key.VariationId, g.Key.State, Count = g.Count() })
                .ToListAsync(ct);
        int Count(string id, MessageStatus status) => counts.Where(c => c.VariationId == id && c.Status == status).Sum(c => c.Count);
        int Ended(string id, DeliveryState state) => delivered.Where(c => c.VariationId == id && c.State == state).Sum(c => c.Count);
        return campaign.Variations
            .Select(v => new VariantCount(v.VariationId, v.Name, v.Channel,
                Count(v.VariationId, MessageStatus.Accepted), Count(v.VariationId, MessageStatus.Skipped), Count(v.VariationId, MessageStatus.Control))
            {
                Delivered = Ended(v.VariationId, DeliveryState.Delivered),
                Captured = Ended(v.VariationId, DeliveryState.Captured),
                Failed = Ended(v.VariationId, DeliveryState.Failed),
                Aborted = Ended(v.VariationId, DeliveryState.Aborted),
            })
            .ToList();
    }

    /// <summary>The newest broadcasts (of one campaign, or all), running ones first.</summary>
    public async Task<IReadOnlyList<BroadcastProgress>> BroadcastsAsync(string? campaignId = null, int take = 10, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var broadcasts = db.Broadcasts.AsNoTracking();
        if (campaignId is not null)
        {
            var key = Ids.Key(campaignId);
            var rowId = await db.Campaigns.Where(c => c.CampaignId == key).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct) ?? -1;
            broadcasts = broadcasts.Where(b => b.CampaignRowId == rowId);
        }
        var campaigns = db.Campaigns;
        var dispatches = db.Dispatches;
        var rows = await broadcasts.OrderByDescending(b => b.DispatchId).Take(take)
            .Select(b => new
            {
                b.DispatchId, b.Kind, b.Status, b.Total, b.Processed, b.Reached, b.StartedAt, b.FinishedAt, b.Note,
                SendId = dispatches.Where(d => d.DispatchId == b.DispatchId).Select(d => d.SendId).FirstOrDefault(),
                Campaign = campaigns.Where(c => c.Id == b.CampaignRowId).Select(c => new { c.CampaignId, c.Name }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows
            .Select(r => new BroadcastProgress(r.DispatchId, r.SendId, r.Campaign?.CampaignId, r.Campaign?.Name, SendService.EndpointOf(r.Kind),
                r.Status.ToString(), r.Total, r.Processed, r.Reached, r.StartedAt, r.FinishedAt, r.Note))
            .OrderByDescending(b => b.Running).ToList();
    }

    private static async Task<List<ActivityEntry>> MessagesAsync(BrazeLiteDbContext db, ActivityQuery query, int? campaignRowId,
        List<int>? userRowIds, string? userText, int take, CancellationToken ct)
    {
        var messages = db.Messages.AsNoTracking();
        if (campaignRowId is { } row)
        {
            messages = messages.Where(m => m.CampaignRowId == row);
        }
        if (userRowIds is not null)
        {
            // A user who is not (or no longer) on file is still found by how the request named them.
            var named = userText!;
            messages = messages.Where(m => (m.UserRowId != null && userRowIds.Contains(m.UserRowId.Value))
                || m.Recipient == "external_user_id:" + named || m.Recipient == "email:" + named.ToLower());
        }
        if (query.Status is { } status)
        {
            var wanted = status switch
            {
                ActivityStatus.Accepted => MessageStatus.Accepted,
                ActivityStatus.Skipped => MessageStatus.Skipped,
                ActivityStatus.Test => MessageStatus.Test,
                _ => MessageStatus.Control,
            };
            messages = messages.Where(m => m.Status == wanted);
        }
        if (query.From is { } from)
        {
            messages = messages.Where(m => m.CreatedAt >= from);
        }
        if (query.To is { } to)
        {
            messages = messages.Where(m => m.CreatedAt < to);
        }
        if (!string.IsNullOrWhiteSpace(query.DispatchId))
        {
            var dispatch = query.DispatchId.Trim().ToLowerInvariant();
            messages = messages.Where(m => m.DispatchId == dispatch);
        }
        var campaigns = db.Campaigns;
        var users = db.Users;
        var deliveries = db.Deliveries;
        var rows = await messages.OrderByDescending(m => m.Id).Take(take)
            .Select(m => new
            {
                m.Id,
                Delivery = deliveries.Where(d => d.MessageId == m.Id).Select(d => new { d.State, d.Error }).FirstOrDefault(),
                m.CreatedAt, m.Status, m.Reason, m.DispatchId, m.VariationId, m.VariantName, m.Channel, m.Recipient,
                Kind = m.Dispatch!.Kind,
                SendId = m.Dispatch.SendId,
                Campaign = campaigns.Where(c => c.Id == m.CampaignRowId).Select(c => new { c.CampaignId, c.Name }).FirstOrDefault(),
                User = users.Where(u => u.Id == m.UserRowId).Select(u => u.ExternalId ?? u.Email).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new ActivityEntry
        {
            Time = r.CreatedAt,
            Status = r.Status switch
            {
                MessageStatus.Accepted => ActivityStatus.Accepted,
                MessageStatus.Skipped => ActivityStatus.Skipped,
                MessageStatus.Test => ActivityStatus.Test,
                _ => ActivityStatus.Control,
            },
            Endpoint = SendService.EndpointOf(r.Kind),
            CampaignId = r.Campaign?.CampaignId,
            CampaignName = r.Campaign?.Name,
            Variant = r.VariantName,
            VariationId = r.VariationId,
            Channel = r.Channel,
            Recipient = r.Recipient,
            UserLookup = r.User,
            Reason = r.Reason,
            DispatchId = r.DispatchId,
            SendId = r.SendId,
            MessageId = r.Id,
            Delivery = r.Status is MessageStatus.Accepted or MessageStatus.Test ? DeliveryStates.Label(r.Delivery?.State) : null,
            DeliveryNote = r.Delivery?.State is DeliveryState.Failed or DeliveryState.Aborted or DeliveryState.Retrying ? r.Delivery.Error : null,
        }).ToList();
    }

    private static async Task<List<ActivityEntry>> RejectedAsync(BrazeLiteDbContext db, ActivityQuery query, string? campaignKey, int take, CancellationToken ct)
    {
        var requests = db.ApiRequests.AsNoTracking();
        if (campaignKey is not null)
        {
            requests = requests.Where(r => r.CampaignId == campaignKey);
        }
        if (query.From is { } from)
        {
            requests = requests.Where(r => r.ReceivedAt >= from);
        }
        if (query.To is { } to)
        {
            requests = requests.Where(r => r.ReceivedAt < to);
        }
        var rows = await requests.OrderByDescending(r => r.Id).Take(take).ToListAsync(ct);
        var names = await CampaignNamesAsync(db, rows.Select(r => r.CampaignId).OfType<string>().Distinct().ToList(), ct);
        return rows.Select(r =>
        {
            var errors = r.Errors is null ? [] : JsonSerializer.Deserialize<List<string>>(r.Errors) ?? [];
            var key = r.CampaignId is null ? null : Ids.Key(r.CampaignId);
            return new ActivityEntry
            {
                Time = r.ReceivedAt,
                Status = ActivityStatus.Rejected,
                Endpoint = r.Endpoint,
                CampaignId = key is not null && names.ContainsKey(key) ? key : r.CampaignId,
                CampaignName = key is not null && names.TryGetValue(key, out var name) ? name : null,
                Reason = errors.Count == 0 ? r.Message : $"{r.Message}: {string.Join(" ", errors)}",
                StatusCode = r.StatusCode,
            };
        }).ToList();
    }

    private static async Task<Dictionary<string, string>> CampaignNamesAsync(BrazeLiteDbContext db, List<string> ids, CancellationToken ct)
    {
        var keys = ids.Select(Ids.Key).ToList();
        return await db.Campaigns.Where(c => keys.Contains(c.CampaignId)).ToDictionaryAsync(c => c.CampaignId, c => c.Name, ct);
    }
}
