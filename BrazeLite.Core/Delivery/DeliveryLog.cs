using System.Text.Json;
using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Campaigns.Storage;
using BrazeLite.Core.Data;
using BrazeLite.Core.Delivery.Storage;
using BrazeLite.Core.Ingest;
using BrazeLite.Core.Ingest.Storage;
using BrazeLite.Core.Users.Storage;
using Microsoft.EntityFrameworkCore;

namespace BrazeLite.Core.Delivery;

/// <summary>One captured message in the Test inbox.</summary>
public sealed record InboxItem(
    long MessageId, Channel Channel, OutboundContent Content, string? CampaignId, string? CampaignName, string? Variant,
    string Recipient, DateTimeOffset CapturedAt, bool IsTest = false);

/// <summary>One attempt at handing a message over.</summary>
public sealed record AttemptLine(int Number, DateTimeOffset At, string Outcome, bool Retried);

/// <summary>Everything about one message: what acceptance decided, how delivery went, and what was (or would be) sent.</summary>
public sealed record MessageDetails(
    long MessageId,
    string DispatchId,
    string Endpoint,
    string? CampaignId,
    string? CampaignName,
    string? Variant,
    Channel? Channel,
    string Recipient,
    string? UserLookup,
    MessageStatus Status,
    string? Reason,
    DateTimeOffset AcceptedAt,
    DeliveryState? Delivery,
    string? Sender,
    OutboundContent? Content,
    IReadOnlyList<string> Warnings,
    string? Error,
    string? ProviderReference,
    string? ProviderResponse,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<AttemptLine> Attempts)
{
    /// <summary>The delivery's state as the log names it: "Queued" for an accepted message not yet claimed, null when none is due.</summary>
    public string? DeliveryLabel => Status is MessageStatus.Accepted or MessageStatus.Test ? DeliveryStates.Label(Delivery) : null;
}

/// <summary>What the dashboard reads of delivery: the Test inbox, and one message's whole story.</summary>
public sealed class DeliveryLog(IDbContextFactory<BrazeLiteDbContext> dbFactory)
{
    public const int InboxPage = 50;

    /// <summary>The newest captured messages, of one channel or all.</summary>
    public async Task<IReadOnlyList<InboxItem>> InboxAsync(Channel? channel = null, int take = InboxPage, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var captured = from d in db.Deliveries
                       where d.State == DeliveryState.Captured
                       join m in db.Messages on d.MessageId equals m.Id
                       select new { d, m };
        if (channel is { } c)
        {
            captured = captured.Where(x => x.m.Channel == c);
        }
        var campaigns = db.Campaigns;
        var rows = await captured.OrderByDescending(x => x.d.MessageId).Take(Math.Clamp(take, 1, 500))
            .Select(x => new
            {
                x.d.MessageId, x.m.Channel, x.d.Content, x.m.VariantName, x.m.Recipient, x.d.UpdatedAt, x.m.Status,
                Campaign = campaigns.Where(k => k.Id == x.m.CampaignRowId).Select(k => new { k.CampaignId, k.Name }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows
            .Select(r => (Row: r, Content: OutboundContent.FromJson(r.Content)))
            .Where(x => x.Content is not null && x.Row.Channel is not null)
            .Select(x => new InboxItem(x.Row.MessageId, x.Row.Channel!.Value, x.Content!, x.Row.Campaign?.CampaignId, x.Row.Campaign?.Name,
                x.Row.VariantName, x.Row.Recipient, x.Row.UpdatedAt, x.Row.Status == MessageStatus.Test))
            .ToList();
    }

    /// <summary>The message of row <paramref name="messageId"/>, or null when there is none.</summary>
    public async Task<MessageDetails?> DetailsAsync(long messageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaigns = db.Campaigns;
        var users = db.Users;
        var row = await db.Messages.AsNoTracking().Where(m => m.Id == messageId)
            .Select(m => new
            {
                Message = m,
                Kind = m.Dispatch!.Kind,
                Campaign = campaigns.Where(c => c.Id == m.CampaignRowId).Select(c => new { c.CampaignId, c.Name }).FirstOrDefault(),
                User = users.Where(u => u.Id == m.UserRowId).Select(u => u.ExternalId ?? u.Email).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var delivery = await db.Deliveries.AsNoTracking().FirstOrDefaultAsync(d => d.MessageId == messageId, ct);
        var attempts = await db.DeliveryAttempts.AsNoTracking().Where(a => a.MessageId == messageId).OrderBy(a => a.Id)
            .Select(a => new AttemptLine(a.Number, a.At, a.Outcome, a.Retried))
            .ToListAsync(ct);
        var m = row.Message;
        return new MessageDetails(
            m.Id, m.DispatchId, SendService.EndpointOf(row.Kind), row.Campaign?.CampaignId, row.Campaign?.Name, m.VariantName, m.Channel,
            m.Recipient, row.User, m.Status, m.Reason, m.CreatedAt,
            delivery?.State, delivery?.Sender, OutboundContent.FromJson(delivery?.Content),
            delivery?.Warnings is { } w ? JsonSerializer.Deserialize<List<string>>(w) ?? [] : [],
            delivery?.Error, delivery?.ProviderReference, delivery?.ProviderResponse, delivery?.UpdatedAt, attempts);
    }
}
