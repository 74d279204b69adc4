using BrazeLite.Core.Ingest.Storage;

namespace BrazeLite.Core.Ingest;

/// <summary>
/// Accepts a <c>broadcast: true</c> send: records its dispatch and a running broadcast to be worked through in the
/// background, and answers at once with the dispatch ID and the <c>send_id</c> (made when the request had none).
/// </summary>
public sealed class StartBroadcastCommand(DispatchKind kind, CampaignTarget? target, BroadcastPayload payload, string? sendId, SendCaller caller)
    : IIngestCommand<SendAnswer>
{
    public SendAnswer Execute(IngestSession session)
    {
        var store = session.Store;
        if (Idempotency.Replay(store, caller) is { } replay)
        {
            return replay;
        }
        var now = session.Now;
        var dispatchId = TimeOrderedIds.New(now).ToString("N");
        var send = sendId ?? dispatchId;
        var total = store.CountUsers();
        store.AddDispatch(new DispatchEntity
        {
            DispatchId = dispatchId,
            Kind = kind,
            CampaignRowId = target?.RowId,
            SendId = send,
            ApiKeyId = caller.ApiKeyId,
            Broadcast = true,
            Recipients = total,
            ReceivedAt = now,
        });
        store.AddBroadcast(new BroadcastEntity
        {
            DispatchId = dispatchId,
            Kind = kind,
            CampaignRowId = target?.RowId,
            Payload = payload.ToJson(),
            Status = BroadcastStatus.Running,
            Total = total,
            StartedAt = now,
        });
        var answer = new SendAnswer(201, SendAnswer.Success, dispatchId, send);
        Idempotency.Remember(store, caller, answer, now);
        return answer;
    }
}
