using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Campaigns.Storage;
using BrazeLite.Core.Data;
using BrazeLite.Core.Delivery.Storage;
using BrazeLite.Core.Ingest.Storage;
using BrazeLite.Core.Users.Storage;
using Microsoft.EntityFrameworkCore;

namespace BrazeLite.Core.Delivery;

/// <summary>One live Content Card in a user's feed.</summary>
public sealed record FeedCard(string Id, ContentCardContent Card, string? CampaignId, string? VariationId, DateTimeOffset CreatedAt);

/// <summary>The Content Cards a user's app shows: every card delivered to them that has not expired, newest first.</summary>
public sealed class ContentCardFeed(IDbContextFactory<BrazeLiteDbContext> dbFactory, TimeProvider time)
{
    public const int MaxCards = 100;

    /// <summary>The user's live cards, or null when no user has <paramref name="externalId"/>.</summary>
    public async Task<IReadOnlyList<FeedCard>?> LiveCardsAsync(string externalId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var userRowId = await db.Users.Where(u => u.ExternalId == externalId).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        if (userRowId is null)
        {
            return null;
        }
        var now = time.GetUtcNow();
        var rows = await (
                from m in db.Messages
                join d in db.Deliveries on m.Id equals d.MessageId
                join c in db.Campaigns on m.CampaignRowId equals c.Id into campaigns
                from c in campaigns.DefaultIfEmpty()
                where m.UserRowId == userRowId && m.Channel == Channel.ContentCard && d.State == DeliveryState.Delivered
                      && (d.ExpiresAt == null || d.ExpiresAt > now)
                orderby m.Id descending
                select new { m.Id, d.Content, CampaignId = c == null ? null : c.CampaignId, m.VariationId, d.CreatedAt })
            .Take(MaxCards)
            .ToListAsync(ct);
        return rows
            .Select(r => (Row: r, Card: OutboundContent.FromJson(r.Content) as ContentCardContent))
            .Where(x => x.Card is not null)
            .Select(x => new FeedCard($"card-{x.Row.Id}", x.Card!, x.Row.CampaignId, x.Row.VariationId, x.Row.CreatedAt))
            .ToList();
    }
}
