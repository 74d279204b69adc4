using System.Text.Json.Nodes;
using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Ingest.Storage;
using BrazeLite.Core.Users;

namespace BrazeLite.Core.Ingest;

/// <summary>
/// Accepts a trigger of an active API-triggered campaign inside the writer: finds or creates each recipient, applies
/// their attributes, decides variant or control, re-eligibility and consent, and records one row per recipient and
/// channel. Running alone in the writer, concurrent triggers for one user see each other's receipts.
/// </summary>
public sealed class TriggerSendCommand(TriggerSendRequest request, CampaignTarget target, SendCaller caller)
    : IIngestCommand<SendAnswer>
{
    // Each recipient's merged trigger properties as stored, and their key as written, made on the request's thread:
    // the writer is the one serial part of the send path, so what does not depend on the database is done before it.
    private readonly string[] _properties = [.. request.Recipients.Select(r => r.TriggerProperties is null && request.TriggerPropertiesJson is { } top
        ? top
        : Json.Write(Merge(request.TriggerProperties, r.TriggerProperties)))];
    private readonly string[] _recipientKeys = [.. request.Recipients.Select(r => r.Key.ToString())];

    // The profile each recipient the request may create would get (their attributes applied, its JSON written).
    private readonly NewProfile?[] _newProfiles = [.. request.Recipients.Select(r =>
        NewProfile.For(r.Key, r.Attributes, mayCreate: !r.SendToExistingOnly && target.Campaign.CreateNewProfiles))];

    // A parsed JsonObject builds its dictionary on first use; let that first use be here, not in the writer.
    private readonly int _attributes = request.Recipients.Sum(r => r.Attributes?.Count ?? 0);

    public SendAnswer Execute(IngestSession session)
    {
        var store = session.Store;
        if (Idempotency.Replay(store, caller) is { } replay)
        {
            return replay;
        }
        var campaign = target.Campaign;
        var now = session.Now;
        var dispatchId = TimeOrderedIds.New(now).ToString("N");
        var errors = new List<string>();
        var messages = new List<MessageEntity>(request.Recipients.Count * campaign.Channels.Count);
        var done = new HashSet<int>();
        for (var i = 0; i < request.Recipients.Count; i++)
        {
            var recipient = request.Recipients[i];
            var mayCreate = !recipient.SendToExistingOnly && campaign.CreateNewProfiles;
            var user = UserResolution.Resolve(store, recipient.Key, recipient.Attributes, createMissing: mayCreate, now, out var problem, out var created,
                _newProfiles[i]);
            if (user is null && !recipient.SendToExistingOnly && !campaign.CreateNewProfiles)
            {
                problem = [$"no user has {recipient.Key}, and this campaign does not create new profiles (its \"Create new profiles\" switch is off)"];
            }
            foreach (var p in problem)
            {
                errors.Add($"recipients[{i}]: {p}");
            }
            var message = new MessageEntity
            {
                DispatchId = dispatchId,
                CampaignRowId = target.RowId,
                Recipient = _recipientKeys[i],
                CreatedAt = now,
                TriggerProperties = _properties[i],
            };
            if (user is null)
            {
                messages.Add(Skipped(message, $"no user has {recipient.Key}"));
                continue;
            }
            message.UserRowId = user.RowId;
            if (!done.Add(user.RowId))
            {
                continue; // the same user twice in one request is sent once
            }
            Decide(store, target, user, created, message, now, messages);
        }

        // The dispatch row holds the answer's problems, so it goes in once they are known (its messages refer to it).
        store.AddDispatch(new DispatchEntity
        {
            DispatchId = dispatchId,
            Kind = request.Kind,
            CampaignRowId = target.RowId,
            SendId = request.SendId,
            RequestId = request.RequestId,
            ApiKeyId = caller.ApiKeyId,
            Recipients = request.Recipients.Count,
            Errors = errors.Count > 0 ? System.Text.Json.JsonSerializer.Serialize(errors) : null,
            ReceivedAt = now,
        });
        foreach (var row in messages)
        {
            store.AddMessage(row);
        }
        var answer = new SendAnswer(201, SendAnswer.Success, dispatchId, request.Broadcast ? request.SendId : null, errors.Count > 0 ? errors : null);
        Idempotency.Remember(store, caller, answer, now);
        return answer;
    }

    /// <summary>
    /// Decides for one user who may be sent the campaign: re-eligibility, then variant or control (stable bucketing), then
    /// consent per channel; adds their rows to <paramref name="messages"/> and records the receipt when one is due.
    /// <paramref name="message"/> carries what every row of theirs shares (dispatch, recipient, trigger properties).
    /// </summary>
    internal static void Decide(IIngestStore store, CampaignTarget target, UserProfile user, bool created, MessageEntity message,
        DateTimeOffset now, List<MessageEntity> messages)
    {
        var campaign = target.Campaign;
        // A profile made by this request has received nothing yet: no need to ask.
        var lastReceived = created ? null : store.LastReceived(target.RowId, user.RowId);
        if (Eligibility.Refusal(campaign.Reeligibility, lastReceived, now) is { } notEligible)
        {
            messages.Add(Skipped(message, notEligible));
            return;
        }
        var variant = VariantAssigner.Assign(campaign, user.UserId);
        if (variant is null)
        {
            message.VariationId = campaign.Control!.VariationId;
            message.VariantName = ControlGroup.Name;
            message.Status = MessageStatus.Control;
            messages.Add(message);
            store.RecordReceipt(target.RowId, user.RowId, now);
            return;
        }
        var reached = false;
        foreach (var channel in campaign.Channels)
        {
            var row = Copy(message);
            row.Channel = channel;
            row.VariantName = variant.Name;
            row.VariationId = variant.MessageFor(channel)?.MessageVariationId;
            if (Consent.Refusal(campaign.MessageType, channel, user) is { } refusal)
            {
                Skipped(row, refusal);
            }
            else
            {
                row.Status = MessageStatus.Accepted;
                reached = true;
            }
            messages.Add(row);
        }
        if (reached)
        {
            store.RecordReceipt(target.RowId, user.RowId, now);
        }
    }

    /// <summary>The top-level trigger properties with the recipient's own on top (theirs win on conflicting keys).</summary>
    internal static JsonObject Merge(JsonObject? top, JsonObject? own)
    {
        if (own is null && top is not null)
        {
            return top; // nothing to merge: read as it came
        }
        var merged = top?.DeepClone().AsObject() ?? [];
        if (own is not null)
        {
            foreach (var (key, value) in own)
            {
                merged[key] = value?.DeepClone();
            }
        }
        return merged;
    }

    private static MessageEntity Skipped(MessageEntity row, string reason)
    {
        row.Status = MessageStatus.Skipped;
        row.Reason = reason;
        return row;
    }

    private static MessageEntity Copy(MessageEntity m) => new()
    {
        DispatchId = m.DispatchId,
        CampaignRowId = m.CampaignRowId,
        UserRowId = m.UserRowId,
        Recipient = m.Recipient,
        TriggerProperties = m.TriggerProperties,
        CreatedAt = m.CreatedAt,
    };
}
