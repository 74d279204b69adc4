using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Campaigns;

public partial class CampaignDetailsPage
{
    [Parameter] public string CampaignId { get; set; } = "";

    [Inject] private ICampaignService Campaigns { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private CampaignForm? _form;
    private string? _loadedId;
    private bool _loading = true;
    private bool _busy;
    private Refusal? _refusal;
    private List<BreadcrumbItem> _breadcrumbs = [];

    /// <summary>Why the last action was refused, in the words the page shows.</summary>
    private sealed record Refusal(SaveOutcome Outcome, string Heading, string Message, IReadOnlyList<string> Problems);

    protected override async Task OnParametersSetAsync()
    {
        // The same page instance serves a duplicate's route, so reload whenever the ID changes.
        if (_loadedId != CampaignId)
        {
            _refusal = null;
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _form = await Campaigns.GetFormAsync(CampaignId);
        _loadedId = CampaignId;
        _loading = false;
        _breadcrumbs = [new("Campaigns", "/"), new(_form?.Name ?? CampaignId, null, disabled: true)];
    }

    private async Task ReloadAsync()
    {
        _refusal = null;
        await LoadAsync();
    }

    private async Task ApplyAsync(CampaignAction action)
    {
        if (_form is not { CampaignId: { } id, Version: { } version })
        {
            return;
        }
        _busy = true;
        try
        {
            var result = await Campaigns.ChangeStatusAsync(id, action, version);
            if (result.Succeeded)
            {
                _refusal = null;
                await LoadAsync();
                Snackbar.Add(CampaignActionText.Done(action), Severity.Success);
            }
            else
            {
                _refusal = RefusalFor($"{CampaignActionText.Label(action)} refused.", result);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DuplicateAsync()
    {
        if (_form?.CampaignId is not { } id)
        {
            return;
        }
        _busy = true;
        try
        {
            var result = await Campaigns.DuplicateAsync(id);
            if (result is { Succeeded: true, CampaignId: { } copyId })
            {
                Snackbar.Add("Campaign duplicated: this is the copy", Severity.Success);
                Navigation.NavigateTo($"/campaigns/{copyId}");
            }
            else
            {
                _refusal = RefusalFor("Duplicate refused.", result);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DeleteAsync()
    {
        if (_form is not { CampaignId: { } id, Version: { } version } form)
        {
            return;
        }
        if (!await CampaignDialogs.ConfirmDeleteAsync(Dialogs, form.Name))
        {
            return;
        }
        _busy = true;
        try
        {
            var result = await Campaigns.DeleteAsync(id, version);
            if (result.Succeeded)
            {
                Snackbar.Add($"Deleted {form.Name}", Severity.Success);
                Navigation.NavigateTo("/");
            }
            else
            {
                _refusal = RefusalFor("Delete refused.", result);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private static Refusal RefusalFor(string heading, SaveResult result) => result.Outcome switch
    {
        SaveOutcome.Invalid => new(result.Outcome, heading, "The campaign has problems to fix first:", CampaignActionText.Problems(result)),
        SaveOutcome.Conflict => new(result.Outcome, heading, result.Message ?? "This campaign was changed by someone else meanwhile: reload it.", []),
        SaveOutcome.NotFound => new(result.Outcome, heading, result.Message ?? "The campaign no longer exists.", []),
        _ => new(result.Outcome, heading, result.Message ?? "This action does not apply to the campaign now.", []),
    };
}
