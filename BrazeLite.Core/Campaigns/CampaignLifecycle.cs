namespace BrazeLite.Core.Campaigns;

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

    /// <summary>The past participle the messages use: "launched", "stopped", ...</summary>
    public static string Done(CampaignAction action) => action switch
    {
        CampaignAction.Launch => "launched",
        CampaignAction.Stop => "stopped",
        CampaignAction.Resume => "resumed",
        CampaignAction.Archive => "archived",
        CampaignAction.Unarchive => "unarchived",
        _ => action.ToString().ToLowerInvariant(),
    };

    /// <summary>"a draft", "active", ... as a sentence about the campaign says it.</summary>
    public static string Describe(CampaignStatus status) => status switch
    {
        CampaignStatus.Draft => "a draft",
        CampaignStatus.Active => "active",
        CampaignStatus.Stopped => "stopped",
        CampaignStatus.Archived => "archived",
        _ => status.ToString(),
    };
}
