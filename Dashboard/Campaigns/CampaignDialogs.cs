using MudBlazor;

namespace Dashboard.Campaigns;

public static class CampaignDialogs
{
    /// <summary>Asks before a draft is deleted for good; true only when the marketer confirms.</summary>
    public static async Task<bool> ConfirmDeleteAsync(IDialogService dialogs, string campaignName)
    {
        var answer = await dialogs.ShowMessageBoxAsync(
            "Delete this draft?",
            $"“{campaignName}” and its IDs will be deleted for good. This cannot be undone.",
            yesText: "Delete", cancelText: "Cancel");
        return answer == true;
    }
}
