namespace Dashboard.Campaigns;

/// <summary>The words the pages use for lifecycle actions.</summary>
public static class CampaignActionText
{
    public static string Done(CampaignAction action) => action switch
    {
        CampaignAction.Launch => "Campaign launched",
        CampaignAction.Stop => "Campaign stopped",
        CampaignAction.Resume => "Campaign resumed",
        CampaignAction.Archive => "Campaign archived",
        CampaignAction.Unarchive => "Campaign unarchived",
        _ => "Done",
    };

    public static string Icon(CampaignAction action) => action switch
    {
        CampaignAction.Launch => MudBlazor.Icons.Material.Filled.RocketLaunch,
        CampaignAction.Stop => MudBlazor.Icons.Material.Filled.Pause,
        CampaignAction.Resume => MudBlazor.Icons.Material.Filled.PlayArrow,
        CampaignAction.Archive => MudBlazor.Icons.Material.Filled.Archive,
        _ => MudBlazor.Icons.Material.Filled.Unarchive,
    };

    /// <summary>The validation problems of a refused write, one sentence each; empty when it was refused for another reason.</summary>
    public static IReadOnlyList<string> Problems(WriteResult result) =>
        result.Errors is null ? [] : result.Errors.SelectMany(e => e.Value).ToList();
}
