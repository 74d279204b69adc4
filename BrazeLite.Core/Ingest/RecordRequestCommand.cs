using BrazeLite.Core.Ingest.Storage;

namespace BrazeLite.Core.Ingest;

/// <summary>Writes a refused request's outcome to the activity log (and nothing else).</summary>
public sealed class RecordRequestCommand(string endpoint, SendAnswer answer, string? apiKeyId, string? campaignId, DateTimeOffset at)
    : IIngestCommand<bool>
{
    public bool Execute(IngestSession session)
    {
        session.Store.AddApiRequest(new ApiRequestEntity
        {
            ReceivedAt = at,
            Endpoint = endpoint,
            StatusCode = answer.StatusCode,
            Message = answer.Message.Length > 1000 ? answer.Message[..1000] : answer.Message,
            Errors = answer.Errors is { Count: > 0 } errors ? System.Text.Json.JsonSerializer.Serialize(errors) : null,
            ApiKeyId = apiKeyId,
            CampaignId = campaignId is null ? null : Campaigns.Ids.Key(campaignId is { Length: > 64 } ? campaignId[..64] : campaignId),
        });
        return true;
    }
}
