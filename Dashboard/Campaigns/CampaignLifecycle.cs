namespace Dashboard.Campaigns;

/// <summary>Which lifecycle actions apply in which status.</summary>
public static class CampaignLifecycle
{
    public static IReadOnlyList<CampaignAction> ActionsFor(CampaignStatus status) => status switch
    {
        CampaignStatus.Draft => [CampaignAction.Launch, CampaignAction.Archive],
        CampaignStatus.Active => [CampaignAction.Stop, CampaignAction.Archive],
        CampaignStatus.Stopped => [CampaignAction.Resume, CampaignAction.Archive],
        CampaignStatus.Archived => [CampaignAction.Unarchive],
        _ => [],
    };

    public static bool CanDelete(CampaignStatus status) => status == CampaignStatus.Draft;

    /// <summary>The status an action leads to. Unarchive returns a campaign to Stopped, or to Draft if it never ran.</summary>
    public static CampaignStatus Target(CampaignAction action, bool everLaunched) => action switch
    {
        CampaignAction.Launch or CampaignAction.Resume => CampaignStatus.Active,
        CampaignAction.Stop => CampaignStatus.Stopped,
        CampaignAction.Archive => CampaignStatus.Archived,
        CampaignAction.Unarchive => everLaunched ? CampaignStatus.Stopped : CampaignStatus.Draft,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
