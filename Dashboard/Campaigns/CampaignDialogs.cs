using MudBlazor;

namespace Dashboard.Campaigns;

public static class CampaignDialogs
{
    /// <summary>Asks before a draft is deleted for good; true only when the marketer confirms.</summary>
    public static async Task<bool> ConfirmDeleteAsync(IDialogService dialogs, string campaignName)
    {
        var parameters = new DialogParameters<ConfirmDeleteDialog> { { d => d.CampaignName, campaignName } };
        var dialog = await dialogs.ShowAsync<ConfirmDeleteDialog>("Delete this draft?", parameters,
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}
