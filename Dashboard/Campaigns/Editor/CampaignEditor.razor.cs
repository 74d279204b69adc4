using BrazeLite.Core.Text;
using Dashboard.Preview;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;

namespace Dashboard.Campaigns.Editor;

/// <summary>
/// The step-by-step editor for either campaign type. Every step edits the same <see cref="CampaignForm"/>, so
/// moving between steps never loses input; saving (as a draft or launching) is possible from any step.
/// </summary>
public partial class CampaignEditor
{
    [Inject] public required Dashboard.Accounts.CurrentAccount Account { get; init; }
    [Inject] public required BrazeLite.Core.Approvals.IApprovalService Approvals { get; init; }
    [Inject] public required ICampaignService Campaigns { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required TemplateLaunchCheck TemplateCheck { get; init; }
    [Inject] public required ISampleDataService SampleData { get; init; }
    [Inject] public required PreviewSessions Sessions { get; init; }
    [Inject] public required IJSRuntime Js { get; init; }

    /// <summary>The form being edited; the editor changes its contents, never replaces it.</summary>
    [Parameter, EditorRequired] public required CampaignForm Form { get; set; }

    private EditorErrors Errors { get; set; } = new();
    private IReadOnlyList<EditorStep> _steps = [];
    private int _stepIndex;
    private bool _saving;
    private bool _unsaved;
    private bool _conflict;
    private string? _alert;
    private Severity _alertSeverity = Severity.Error;
    private string _loadedSplit = "";
    private CampaignForm? _initialisedFor;

    private EditorStep CurrentStep => _steps.Count == 0 ? EditorStep.Details : _steps[Math.Clamp(_stepIndex, 0, _steps.Count - 1)];

    private string SaveDraftText => AsksForChange ? RequestChangeText : Form.Status == CampaignStatus.Draft ? "Save draft" : "Save changes";

    private const string RequestChangeText = "Request approval for these changes";

    // Where launches need an Approver, a Marketer's save of an Active campaign becomes a draft version waiting beside it.
    private bool _mustAsk;

    private bool AsksForChange => _mustAsk && Form.Status == CampaignStatus.Active;

    protected override async Task OnInitializedAsync() => _mustAsk = await Approvals.MustAskAsync();

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_initialisedFor, Form))
        {
            return;
        }
        _initialisedFor = Form;
        Errors = new EditorErrors();
        _unsaved = false;
        _alert = null;
        _conflict = false;
        _steps = EditorSteps.For(Form.Type);
        _stepIndex = 0;
        _loadedSplit = CampaignFormEditing.SplitKey(Form);
        Errors.Revalidate(Form);
    }

    private Task OnChangedAsync(string path)
    {
        _unsaved = true;
        Errors.Touch(path);
        Errors.Revalidate(Form);
        if (!_saving && !_conflict)
        {
            _alert = null;
        }
        return Task.CompletedTask;
    }

    private async Task CheckNameAsync()
    {
        var name = Form.Name.Trim();
        if (CampaignRules.NameError(name) is not null)
        {
            return;
        }
        var taken = await Campaigns.IsNameTakenAsync(name, Form.CampaignId);
        // The marketer may have typed on while the check ran; only a current answer counts.
        if (Form.Name.Trim() == name)
        {
            Errors.NameTaken = taken ? CampaignService.NameTakenMessage(name) : null;
        }
    }

    private Task GoToIndexAsync(int index)
    {
        if (index != _stepIndex && _stepIndex >= 0 && _stepIndex < _steps.Count)
        {
            Errors.RevealStep(_steps[_stepIndex]);
        }
        _stepIndex = Math.Clamp(index, 0, _steps.Count - 1);
        return Task.CompletedTask;
    }

    // From a problem listed in the review: the marketer goes there to fix it, so its step shows its messages and the
    // field it is about gets the focus once the step has rendered.
    private Task GoToStepAsync(ProblemLink problem)
    {
        Errors.RevealStep(problem.Step);
        _focusProblem = problem;
        var index = _steps.ToList().IndexOf(problem.Step);
        return GoToIndexAsync(index < 0 ? _steps.Count - 1 : index);
    }

    private ProblemLink? _focusProblem;

    // The variant the messages step opens on: the one whose copy the marketer asked to write, once.
    private int _channelsVariant;

    private Task EditVariantCopyAsync(int variantIndex)
    {
        _channelsVariant = variantIndex;
        var index = _steps.ToList().IndexOf(EditorStep.Channels);
        return GoToIndexAsync(index < 0 ? _stepIndex : index);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (CurrentStep == EditorStep.Channels)
        {
            _channelsVariant = 0;
        }
        if (_focusProblem is { } problem)
        {
            _focusProblem = null;
            try
            {
                await Js.InvokeAsync<bool>("brazeLite.focusProblem", problem.Message);
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }

    /// <summary>
    /// Next checks the step first: with a problem in it, the step's messages show at their fields and the editor stays, so
    /// nothing is skipped silently. The step titles above still go anywhere.
    /// </summary>
    private Task NextAsync()
    {
        var step = CurrentStep;
        var problems = Errors.All.Where(p => EditorSteps.StepOf(p.Field) == step).ToList();
        if (problems.Count > 0)
        {
            Errors.RevealStep(step);
            _focusProblem = new ProblemLink(step, problems[0].Message);
            ShowAlert($"{EditorSteps.Title(step, Form.Type)}: fix the {Words.Plural(problems.Count, "field")} marked in red first, "
                + "or pick another step above and come back to it later.", Severity.Warning);
            return Task.CompletedTask;
        }
        if (!_saving && !_conflict)
        {
            _alert = null;
        }
        return GoToIndexAsync(_stepIndex + 1);
    }

    private Task BackAsync() => GoToIndexAsync(_stepIndex - 1);

    private Task SaveDraftAsync() => SaveAsync(launch: false);

    private Task LaunchAsync() => SaveAsync(launch: true);

    private async Task SaveAsync(bool launch)
    {
        if (_saving)
        {
            return;
        }
        _saving = true;
        _conflict = false;
        _alert = null;
        try
        {
            Errors.RevealAll();
            Errors.Revalidate(Form);
            await CheckNameAsync();
            // A draft may be saved unfinished; launching, or saving a campaign that has run, needs it complete.
            var level = launch || Form.Status != CampaignStatus.Draft ? ValidationLevel.Launch : ValidationLevel.Draft;
            var blocking = Errors.Blocking(level);
            if (blocking.Count > 0)
            {
                var what = launch ? "launching" : "saving";
                ShowAlert($"Fix the {Words.Plural(blocking.Count, "problem")} shown in red before {what}; the last step lists them all.");
                return;
            }
            if (launch && await TemplateCheck.CheckAsync(Form) is { Count: > 0 } templateProblems)
            {
                ShowAlert($"Fix the {Words.Plural(templateProblems.Count, "template error")} before launching; the first: {templateProblems[0]}.");
                return;
            }
            if (!await ConfirmSplitChangeAsync())
            {
                return;
            }

            if (AsksForChange)
            {
                var asked = await Approvals.RequestChangeAsync(Form, null);
                if (!asked.Succeeded)
                {
                    ShowAlert(asked.Message ?? "The change could not be sent for approval.");
                    return;
                }
                _unsaved = false;
                Snackbar.Add("Change sent for approval: the live version keeps sending until an Approver approves it", Severity.Success);
                Navigation.NavigateTo($"/campaigns/{Form.CampaignId}");
                return;
            }
            var wasNew = Form.CampaignId is null;
            var result = await Campaigns.SaveAsync(Form);
            var savedBeforeLaunch = false;
            if (result.Succeeded)
            {
                Form.CampaignId = result.CampaignId;
                if (wasNew)
                {
                    await KeepTypedSamplesAsync(result.CampaignId!);
                }
                Form.Version = result.Version;
                _loadedSplit = CampaignFormEditing.SplitKey(Form);
                if (launch && _mustAsk)
                {
                    var asked = await Approvals.RequestLaunchAsync(result.CampaignId!, result.Version!.Value, null);
                    _unsaved = false;
                    if (asked.Succeeded)
                    {
                        Snackbar.Add("Saved, and approval requested: an Approver launches it when they approve", Severity.Success);
                    }
                    else
                    {
                        Snackbar.Add("Saved as a draft, but approval was not requested: " + asked.Message, Severity.Warning);
                    }
                    Navigation.NavigateTo($"/campaigns/{Form.CampaignId}");
                    return;
                }
                if (launch)
                {
                    savedBeforeLaunch = true;
                    result = await Campaigns.ChangeStatusAsync(result.CampaignId!, CampaignAction.Launch, result.Version!.Value);
                    if (result.Succeeded)
                    {
                        Form.Status = CampaignStatus.Active;
                        Form.Version = result.Version;
                    }
                }
            }
            if (result.Succeeded)
            {
                _unsaved = false;
                Snackbar.Add(launch ? "Campaign saved and launched"
                    : Form.Status == CampaignStatus.Draft
                        ? "Saved as a draft: requests naming this campaign are refused until it is launched"
                        : "Campaign saved", Severity.Success);
                Navigation.NavigateTo($"/campaigns/{Form.CampaignId}");
                return;
            }
            ShowFailure(result, savedBeforeLaunch);
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>
    /// Sample data typed into a campaign that had no ID yet could not be saved on its own: it is saved with the campaign's
    /// first save, as its first named sample (a blank name becomes "Sample payload", "Sample user", "Sample responses").
    /// </summary>
    private async Task KeepTypedSamplesAsync(string campaignId)
    {
        var session = Sessions.For(Form);
        if (session.Payload.Id is null && session.PayloadChanged && session.PayloadError is null)
        {
            await SampleData.SavePayloadAsync(campaignId, new SamplePayloadForm
            {
                Name = NameOr(session.Payload.Name, "Sample payload"), Json = session.Payload.Json,
            });
        }
        var user = session.User;
        var userTyped = user.Attributes.Values.Any(v => !string.IsNullOrWhiteSpace(v)) || user.CustomAttributesJson.Trim() is not ("" or "{}" or "{\n}");
        if (user.Id is null && userTyped && session.UserError is null)
        {
            await SampleData.SaveUserAsync(campaignId, new SampleUserForm
            {
                Name = NameOr(user.Name, "Sample user"), Attributes = new(user.Attributes), CustomAttributesJson = user.CustomAttributesJson,
            });
        }
        var responses = session.ConnectedContent;
        if (responses.Id is null && responses.Json.Trim() is not ("" or "{}" or "{\n}") && session.ConnectedContentError is null)
        {
            await SampleData.SaveConnectedContentAsync(campaignId, new SamplePayloadForm
            {
                Name = NameOr(responses.Name, "Sample responses"), Json = responses.Json,
            });
        }
    }

    private static string NameOr(string name, string fallback) => string.IsNullOrWhiteSpace(name) ? fallback : name.Trim();

    private void ShowFailure(WriteResult result, bool savedBeforeLaunch)
    {
        var prefix = savedBeforeLaunch ? "Saved as a draft but not launched. " : "";
        switch (result.Outcome)
        {
            case WriteOutcome.Invalid:
                Errors.SetServer(result.Errors);
                ShowAlert(prefix + (result.Message ?? "Fix the highlighted fields before saving."));
                break;
            case WriteOutcome.Conflict:
                _conflict = true;
                ShowAlert(prefix + (result.Message ?? "This campaign was changed by someone else meanwhile: reload it to see their changes."));
                break;
            default:
                ShowAlert(prefix + (result.Message ?? "The campaign could not be saved."));
                break;
        }
    }

    private async Task<bool> ConfirmSplitChangeAsync()
    {
        if (Form.Status != CampaignStatus.Active || CampaignFormEditing.SplitKey(Form) == _loadedSplit)
        {
            return true;
        }
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Change the split of a running campaign?",
            "Changing the split of a running campaign invalidates the experiment: users move between variants and the results so far no longer compare.",
            yesText: "Save anyway",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            ShowAlert("Not saved; your changes are still here.", Severity.Info);
            return false;
        }
        return true;
    }

    private void ShowAlert(string message, Severity severity = Severity.Error)
    {
        _alert = message;
        _alertSeverity = severity;
    }

    private void Reload()
    {
        // The alert beside this button says reloading discards the changes.
        _unsaved = false;
        Navigation.NavigateTo($"/campaigns/{Form.CampaignId}/edit", forceLoad: true);
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!_unsaved || Account.SessionEnded)
        {
            return;
        }
        var leave = await Dialogs.ShowMessageBoxAsync(
            "Leave without saving?",
            "Your changes to this campaign are not saved yet. Save a draft first to keep them.",
            yesText: "Leave",
            cancelText: "Stay");
        if (leave != true)
        {
            context.PreventNavigation();
        }
    }
}
