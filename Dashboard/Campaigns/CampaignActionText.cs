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

    /// <summary>What the marketer is asked before an action that stops a live campaign's sends, or null when none is asked.</summary>
    public static (string Title, string Message, string Yes)? Confirmation(CampaignAction action, string name) => action switch
    {
        CampaignAction.Stop => ($"Stop “{name}”?",
            "While it is stopped, every trigger and send naming this campaign is refused (“The campaign is paused. Resume the campaign in "
            + "order for trigger requests to take effect.”) and nothing is sent for it; messages already accepted are still delivered. "
            + "You can resume it at any time.", "Stop campaign"),
        CampaignAction.Archive => ($"Archive “{name}”?",
            "An archived campaign is read-only and its calls are refused (“The campaign is archived. Unarchive the campaign in order for "
            + "trigger requests to take effect.”); nothing is sent for it. You can unarchive it later.", "Archive campaign"),
        _ => null,
    };

    /// <summary>The action that takes <paramref name="action"/> back, offered as Undo after it; null when there is none.</summary>
    public static CampaignAction? Undo(CampaignAction action) => action switch
    {
        CampaignAction.Stop => CampaignAction.Resume,
        CampaignAction.Archive => CampaignAction.Unarchive,
        _ => null,
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
