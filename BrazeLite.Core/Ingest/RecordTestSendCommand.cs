using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Ingest.Storage;

namespace BrazeLite.Core.Ingest;

/// <summary>One recipient of a test send: how it was named, and the profile it names, if any.</summary>
public sealed record TestRecipientRow(string Recipient, int? UserRowId);

/// <summary>
/// Records a test send from the editor in the writer: a dispatch and one <see cref="MessageStatus.Test"/> row per
/// recipient, so the activity log and the Test inbox show it while results, re-eligibility and the dispatcher ignore it.
/// </summary>
public sealed class RecordTestSendCommand(int? campaignRowId, string? variationId, string variantName, Channel channel,
    IReadOnlyList<TestRecipientRow> recipients, string? triggerProperties) : IIngestCommand<(string DispatchId, IReadOnlyList<long> MessageIds)>
{
    public (string DispatchId, IReadOnlyList<long> MessageIds) Execute(IngestSession session)
    {
        var dispatchId = TimeOrderedIds.New(session.Now).ToString("N");
        session.Store.AddDispatch(new DispatchEntity
        {
            DispatchId = dispatchId,
            Kind = DispatchKind.TestSend,
            CampaignRowId = campaignRowId,
            Recipients = recipients.Count,
            ReceivedAt = session.Now,
        });
        var ids = new List<long>(recipients.Count);
        foreach (var recipient in recipients)
        {
            var row = new MessageEntity
            {
                DispatchId = dispatchId,
                CampaignRowId = campaignRowId,
                VariationId = variationId,
                VariantName = variantName,
                Channel = channel,
                UserRowId = recipient.UserRowId,
                Recipient = recipient.Recipient,
                Status = MessageStatus.Test,
                TriggerProperties = triggerProperties,
                CreatedAt = session.Now,
            };
            session.Store.AddMessage(row);
            ids.Add(session.Store.LastMessageId());
        }
        return (dispatchId, ids);
    }
}
