using System.Text.Json;
using BrazeLite.Core.Data;
using BrazeLite.Core.Delivery.Storage;
using BrazeLite.Core.Ingest;
using BrazeLite.Core.Ingest.Storage;
using BrazeLite.Core.Users.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrazeLite.Core.Delivery;

/// <summary>
/// The dispatcher's durable state (decision 0008). A claim, in one transaction: due retries and expired leases, then the
/// accepted messages after the cursor, each marked Sending with a lease and its attempt counted before anything is
/// handed to a provider. So after a crash every message is either finished or found again, and one found again after
/// being handed over is recorded as an interrupted attempt, never sent twice unnoticed.
/// </summary>
public sealed class DeliveryQueue(IDbContextFactory<BrazeLiteDbContext> dbFactory, IOptions<DeliveryOptions> options, TimeProvider time)
{
    public const string InterruptedOutcome = "Interrupted: BrazeLite stopped during this attempt, which may have reached the provider";

    /// <summary>
    /// At start, before any claim: a message left Sending was cut off by the stop of the process that held it (one
    /// dispatcher per database), so it is due again now, as an interrupted attempt.
    /// </summary>
    public async Task<int> RecoverAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var cut = await db.Deliveries.Where(d => d.State == DeliveryState.Sending).ToListAsync(ct);
        foreach (var delivery in cut)
        {
            Interrupt(db, delivery, now);
            delivery.NextAttemptAt = now;
        }
        await db.SaveChangesAsync(ct);
        return cut.Count;
    }

    /// <summary>Claims up to <paramref name="max"/> messages: due ones first, then new ones in acceptance order.</summary>
    public async Task<IReadOnlyList<OutboundMessage>> ClaimAsync(int max, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var lease = now + options.Value.Lease;

        var due = await db.Deliveries
            .Where(d => ((d.State == DeliveryState.Retrying || d.State == DeliveryState.Throttled) && d.NextAttemptAt <= now)
                || (d.State == DeliveryState.Sending && d.ClaimedUntil < now))
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.MessageId)
            .Take(max)
            .ToListAsync(ct);
        var interrupted = new HashSet<long>();
        foreach (var delivery in due)
        {
            if (delivery.State == DeliveryState.Sending || delivery.Error == InterruptedOutcome)
            {
                interrupted.Add(delivery.MessageId);
            }
            if (delivery.State == DeliveryState.Sending)
            {
                Interrupt(db, delivery, now);
            }
            Claim(delivery, lease, now);
        }

        var cursor = await db.DeliveryCursor.FindAsync([DeliveryCursorEntity.SingleId], ct);
        if (cursor is null)
        {
            cursor = new DeliveryCursorEntity();
            db.DeliveryCursor.Add(cursor);
        }
        var fresh = new List<MessageEntity>();
        if (due.Count < max)
        {
            var after = cursor.LastMessageId;
            var rows = await db.Messages.AsNoTracking()
                .Where(m => m.Id > after)
                .OrderBy(m => m.Id)
                .Take(max - due.Count)
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                cursor.LastMessageId = row.Id;
                if (row.Status == MessageStatus.Accepted && row.Channel is not null)
                {
                    fresh.Add(row);
                    db.Deliveries.Add(new DeliveryEntity
                    {
                        MessageId = row.Id,
                        State = DeliveryState.Sending,
                        Attempts = 1,
                        ClaimedUntil = lease,
                        CreatedAt = now,
                        UpdatedAt = now,
                    });
                }
            }
        }

        var dueIds = due.Select(d => d.MessageId).ToList();
        var retried = dueIds.Count == 0
            ? []
            : await db.Messages.AsNoTracking().Where(m => dueIds.Contains(m.Id)).ToListAsync(ct);
        var messages = retried.Concat(fresh).ToList();
        var userIds = messages.Where(m => m.UserRowId is not null).Select(m => m.UserRowId!.Value).Distinct().ToList();
        var users = userIds.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        var attempts = due.ToDictionary(d => d.MessageId, d => d.Attempts);
        return messages.Select(m => new OutboundMessage(
            m.Id,
            m.DispatchId,
            m.Channel!.Value,
            attempts.GetValueOrDefault(m.Id, 1),
            interrupted.Contains(m.Id),
            m.CampaignRowId,
            m.VariationId,
            m.VariantName,
            m.Recipient,
            m.UserRowId is int u && users.TryGetValue(u, out var user) ? UserStorage.ToProfile(user) : null,
            m.TriggerProperties,
            m.Content,
            m.CreatedAt)).ToList();
    }

    /// <summary>Writes back how each message was left, with the attempts it took, in one transaction.</summary>
    public async Task CompleteAsync(IReadOnlyList<DeliveryOutcome> outcomes, CancellationToken ct)
    {
        if (outcomes.Count == 0)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = outcomes.Select(o => o.MessageId).ToList();
        var rows = await db.Deliveries.Where(d => ids.Contains(d.MessageId)).ToDictionaryAsync(d => d.MessageId, ct);
        var now = time.GetUtcNow();
        foreach (var outcome in outcomes)
        {
            if (!rows.TryGetValue(outcome.MessageId, out var row))
            {
                continue; // its message was deleted meanwhile
            }
            row.State = outcome.State;
            row.Attempts = outcome.Attempts;
            row.NextAttemptAt = outcome.NextAttemptAt;
            row.ClaimedUntil = null;
            row.Sender = outcome.Sender ?? row.Sender;
            row.Content = outcome.Content ?? row.Content;
            row.Warnings = outcome.Warnings.Count > 0 ? JsonSerializer.Serialize(outcome.Warnings) : null;
            row.Error = Cut(outcome.Error, 2000);
            row.ProviderReference = Cut(outcome.ProviderReference, 300);
            row.ProviderResponse = Cut(outcome.ProviderResponse, 1200);
            row.ExpiresAt = outcome.ExpiresAt;
            row.UpdatedAt = now;
            db.DeliveryAttempts.AddRange(outcome.AttemptLog);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records how messages delivered outside the queue (test sends) went: their delivery rows and attempts, made here.</summary>
    public async Task RecordAsync(IReadOnlyList<DeliveryOutcome> outcomes, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        foreach (var outcome in outcomes)
        {
            db.Deliveries.Add(new DeliveryEntity
            {
                MessageId = outcome.MessageId,
                State = outcome.State,
                Attempts = outcome.Attempts,
                Sender = outcome.Sender,
                Content = outcome.Content,
                Warnings = outcome.Warnings.Count > 0 ? JsonSerializer.Serialize(outcome.Warnings) : null,
                Error = Cut(outcome.Error, 2000),
                ProviderReference = Cut(outcome.ProviderReference, 300),
                ProviderResponse = Cut(outcome.ProviderResponse, 1200),
                ExpiresAt = outcome.ExpiresAt,
                CreatedAt = now,
                UpdatedAt = now,
            });
            db.DeliveryAttempts.AddRange(outcome.AttemptLog);
        }
        await db.SaveChangesAsync(ct);
    }

    private static void Claim(DeliveryEntity delivery, DateTimeOffset lease, DateTimeOffset now)
    {
        delivery.State = DeliveryState.Sending;
        delivery.Attempts++;
        delivery.ClaimedUntil = lease;
        delivery.NextAttemptAt = null;
        delivery.UpdatedAt = now;
    }

    private static void Interrupt(BrazeLiteDbContext db, DeliveryEntity delivery, DateTimeOffset now)
    {
        db.DeliveryAttempts.Add(new DeliveryAttemptEntity
        {
            MessageId = delivery.MessageId,
            Number = delivery.Attempts,
            At = now,
            Outcome = InterruptedOutcome,
            Retried = true,
        });
        delivery.State = DeliveryState.Retrying;
        delivery.Error = InterruptedOutcome;
        delivery.ClaimedUntil = null;
        delivery.UpdatedAt = now;
    }

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
