using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Campaigns;

public partial class CampaignDetailsPage
{
    [Parameter] public string CampaignId { get; set; } = "";

    [Inject] public required ICampaignService Campaigns { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required Dashboard.Accounts.CurrentAccount Account { get; init; }
    [Inject] public required BrazeLite.Core.Approvals.IApprovalService Approvals { get; init; }

    private Campaign? _campaign;
    private BrazeLite.Core.Approvals.ApprovalRequest? _pending;
    private bool _mustAsk;
    private string? _loadedId;
    private bool _loading = true;
    private bool _busy;
    private Refusal? _refusal;
    private List<BreadcrumbItem> _breadcrumbs = [];

    /// <summary>Why the last action was refused, in the words the page shows.</summary>
    private sealed record Refusal(WriteOutcome Outcome, string Heading, string Message, IReadOnlyList<string> Problems);

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
        _campaign = await Campaigns.GetAsync(CampaignId);
        _pending = _campaign is null ? null : await Approvals.PendingForAsync(_campaign.CampaignId);
        _mustAsk = await Approvals.MustAskAsync();
        _loadedId = CampaignId;
        _loading = false;
        _breadcrumbs = [new("Campaigns", "/"), new(_campaign?.Name ?? CampaignId, null, disabled: true)];
    }

    private async Task ReloadAsync()
    {
        _refusal = null;
        await LoadAsync();
    }

    /// <summary>Where launches need approval, a Marketer's Launch (or Resume) asks an Approver instead.</summary>
    private async Task RequestApprovalAsync()
    {
        if (_campaign is not { CampaignId: var id, Version: var version })
        {
            return;
        }
        _busy = true;
        try
        {
            var result = await Approvals.RequestLaunchAsync(id, version, null);
            if (!result.Succeeded)
            {
                _refusal = new Refusal(WriteOutcome.NotAllowed, "Approval not requested.", result.Message ?? "", []);
                return;
            }
            Snackbar.Add($"Approval requested: an Approver launches {_campaign.Name} when they approve it", Severity.Success);
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ApplyAsync(CampaignAction action)
    {
        if (_campaign is not { CampaignId: var id, Version: var version })
        {
            return;
        }
        _busy = true;
        try
        {
            await CampaignDialogs.RunActionAsync(Dialogs, Snackbar, Campaigns, id, _campaign.Name, action, version,
                () => InvokeAsync(async () =>
                {
                    _refusal = null;
                    await LoadAsync();
                    StateHasChanged();
                }),
                refusal => _refusal = RefusalFor($"{action} refused.", refusal));
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DuplicateAsync()
    {
        if (_campaign?.CampaignId is not { } id)
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
        if (_campaign is not { CampaignId: var id, Version: var version } campaign)
        {
            return;
        }
        if (!await CampaignDialogs.ConfirmDeleteAsync(Dialogs, campaign.Name))
        {
            return;
        }
        _busy = true;
        try
        {
            var result = await Campaigns.DeleteAsync(id, version);
            if (result.Succeeded)
            {
                Snackbar.Add($"Deleted {campaign.Name}", Severity.Success);
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

    private static Refusal RefusalFor(string heading, WriteResult result) => result.Outcome switch
    {
        WriteOutcome.Invalid => new(result.Outcome, heading, "The campaign has problems to fix first:", CampaignActionText.Problems(result)),
        WriteOutcome.Conflict => new(result.Outcome, heading, result.Message ?? "This campaign was changed by someone else meanwhile: reload it.", []),
        WriteOutcome.NotFound => new(result.Outcome, heading, result.Message ?? "The campaign no longer exists.", []),
        _ => new(result.Outcome, heading, result.Message ?? "This action does not apply to the campaign now.", []),
    };
}
