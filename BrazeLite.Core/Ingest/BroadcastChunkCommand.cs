using BrazeLite.Core.Ingest.Storage;
using BrazeLite.Core.Users;

namespace BrazeLite.Core.Ingest;

/// <summary>
/// Works a broadcast through its next chunk of users, in row order: the same decisions as a trigger (re-eligibility,
/// variant or control, consent) or as <c>/messages/send</c>, and the progress, in one transaction. Returns the new state;
/// the state it was given is left as it was, so a rerun after a failed batch starts from the same place.
/// </summary>
public sealed class BroadcastChunkCommand(BroadcastEntity state, CampaignTarget? target, BroadcastPayload payload, int chunkSize)
    : IIngestCommand<BroadcastEntity>
{
    public BroadcastEntity Execute(IngestSession session)
    {
        var store = session.Store;
        var now = session.Now;
        var users = store.UsersAfter(state.LastUserRowId, chunkSize);
        var messages = new List<MessageEntity>();
        var properties = payload.TriggerProperties is { } p ? Json.Write(p) : "{}";
        var request = payload.Messages is { } objects ? new MessagesSendRequest(null, [], objects, SubscriptionState: payload.SubscriptionState) : null;
        var contents = request?.Messages.Select(m => Json.Write(m.Content)).ToList();
        var reached = 0;
        foreach (var user in users)
        {
            var before = messages.Count;
            var recipient = Name(user);
            if (request is not null)
            {
                MessagesSendCommand.AddRows(request, contents!, target?.RowId, state.DispatchId, user, recipient, now, messages);
            }
            else
            {
                var message = new MessageEntity
                {
                    DispatchId = state.DispatchId,
                    CampaignRowId = target!.RowId,
                    UserRowId = user.RowId,
                    Recipient = recipient,
                    TriggerProperties = properties,
                    CreatedAt = now,
                };
                TriggerSendCommand.Decide(store, target, user, created: false, message, now, messages);
            }
            if (messages.Skip(before).Any(m => m.Status == MessageStatus.Accepted))
            {
                reached++;
            }
        }
        foreach (var row in messages)
        {
            store.AddMessage(row);
        }
        var done = users.Count < chunkSize;
        var next = state.Copy();
        next.Processed += users.Count;
        next.Reached += reached;
        next.LastUserRowId = users.Count > 0 ? users[^1].RowId : state.LastUserRowId;
        next.Status = done ? BroadcastStatus.Completed : BroadcastStatus.Running;
        next.FinishedAt = done ? now : null;
        store.UpdateBroadcast(next);
        return next;
    }

    /// <summary>How the log names a user a broadcast reached: by external ID, else email, else alias, else Braze ID.</summary>
    private static string Name(UserProfile user) =>
        (user.ExternalId is { } id ? UserKey.External(id)
            : user.Email is { } email ? UserKey.ByEmail(email)
            : user.AliasName is { } alias ? UserKey.Alias(user.AliasLabel ?? "", alias)
            : new UserKey(UserKeyKind.BrazeId, user.UserId)).ToString();
}

/// <summary>Ends a broadcast before its last user (its campaign stopped), saying why.</summary>
public sealed class CancelBroadcastCommand(BroadcastEntity state, string note) : IIngestCommand<BroadcastEntity>
{
    public BroadcastEntity Execute(IngestSession session)
    {
        var next = state.Copy();
        next.Status = BroadcastStatus.Cancelled;
        next.Note = note;
        next.FinishedAt = session.Now;
        session.Store.UpdateBroadcast(next);
        return next;
    }
}
