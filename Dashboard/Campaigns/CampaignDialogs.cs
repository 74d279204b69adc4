using MudBlazor;

namespace Dashboard.Campaigns;

public static class CampaignDialogs
{
    /// <summary>
    /// Runs a lifecycle action the way every page does: asks first when it stops a live campaign's sends (Stop, Archive),
    /// then says it is done with an Undo that takes it back. <paramref name="refused"/> shows a refusal.
    /// </summary>
    public static async Task<WriteResult?> RunActionAsync(IDialogService dialogs, ISnackbar snackbar, ICampaignService campaigns,
        string campaignId, string name, CampaignAction action, Guid version, Func<Task> reload, Action<WriteResult> refused)
    {
        if (CampaignActionText.Confirmation(action, name) is { } ask
            && await dialogs.ShowMessageBoxAsync(ask.Title, ask.Message, yesText: ask.Yes, cancelText: "Cancel") != true)
        {
            return null;
        }
        var result = await campaigns.ChangeStatusAsync(campaignId, action, version);
        if (!result.Succeeded)
        {
            refused(result);
            return result;
        }
        await reload();
        snackbar.Add($"{CampaignActionText.Done(action)}: {name}", Severity.Success, config =>
        {
            config.VisibleStateDuration = 8000;
            if (CampaignActionText.Undo(action) is { } undo)
            {
                config.Action = "Undo";
                config.ActionColor = Color.Inherit;
                config.OnClick = async _ =>
                {
                    var back = await campaigns.ChangeStatusAsync(campaignId, undo, result.Version!.Value);
                    if (back.Succeeded)
                    {
                        await reload();
                        snackbar.Add($"{CampaignActionText.Done(undo)}: {name}", Severity.Success);
                    }
                    else
                    {
                        refused(back);
                    }
                };
            }
        });
        return result;
    }

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
