namespace BrazeLite.Core.Campaigns;

/// <summary>
/// Tells readers that keep campaigns in memory (the send path's <c>CampaignDirectory</c>) that one changed, so a
/// stopped campaign refuses triggers from the next request on.
/// </summary>
public sealed class CampaignChanges
{
    public event Action<string>? Changed;

    public void Notify(string campaignId) => Changed?.Invoke(campaignId);
}
