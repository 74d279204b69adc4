using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Preview;

/// <summary>
/// Picks, edits and keeps the campaign's sample payloads and users. Edits drive the previews at once; saving shares
/// them with everyone who opens the campaign. Text that does not parse stays as typed, with its line and column.
/// </summary>
public partial class SampleDataPanel
{
    [Inject] public required ISampleDataService Samples { get; init; }
    [Inject] public required PreviewSessions Sessions { get; init; }
    [Inject] public required TemplateRules Templates { get; init; }

    [Parameter, EditorRequired] public required CampaignForm Form { get; set; }

    private PreviewSession _session = null!;
    private ValidationErrors _payloadErrors = new ValidationErrors();
    private ValidationErrors _userErrors = new ValidationErrors();
    private ValidationErrors _connectedContentErrors = new ValidationErrors();
    private string? _message;
    private Severity _messageSeverity = Severity.Info;
    private bool _busy;

    private bool Saved => Form.CampaignId is not null;

    protected override void OnInitialized()
    {
        _session = Sessions.For(Form);
        _session.Changed += OnSessionChanged;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (Form.CampaignId is not null && !_session.Loaded)
        {
            await ReloadAsync();
        }
    }

    private void OnSessionChanged() => _ = InvokeAsync(StateHasChanged);

    private async Task ReloadAsync(int? payloadId = null, int? userId = null, int? connectedContentId = null)
    {
        if (Form.CampaignId is not { } id)
        {
            return;
        }
        _session.SetSamples(await Samples.ListAsync(id), payloadId, userId, connectedContentId);
    }

    private void PickConnectedContent(int id)
    {
        _connectedContentErrors = new ValidationErrors();
        _message = null;
        _session.PickConnectedContent(id == 0 ? null : id);
    }

    private Task SaveConnectedContentAsync() => RunAsync(async id =>
    {
        var result = await Samples.SaveConnectedContentAsync(id, _session.ConnectedContent);
        _connectedContentErrors = result.Errors ?? new ValidationErrors();
        if (result.Succeeded)
        {
            await ReloadAsync(connectedContentId: result.Id);
            Say($"Responses \"{_session.ConnectedContent.Name}\" saved.", Severity.Success);
        }
        else if (result.Outcome != WriteOutcome.Invalid)
        {
            Say(result.Message, Severity.Error);
        }
    });

    private SamplePayloadForm? Editing(SampleKind kind) => kind switch
    {
        SampleKind.Payload => _session.Payload,
        SampleKind.ConnectedContent => _session.ConnectedContent,
        _ => null,
    };

    private void PickPayload(int id)
    {
        _payloadErrors = new ValidationErrors();
        _message = null;
        _session.PickPayload(id == 0 ? null : id);
    }

    private void PickUser(int id)
    {
        _userErrors = new ValidationErrors();
        _message = null;
        _session.PickUser(id == 0 ? null : id);
    }

    private Task SavePayloadAsync() => RunAsync(async id =>
    {
        var result = await Samples.SavePayloadAsync(id, _session.Payload);
        _payloadErrors = result.Errors ?? new ValidationErrors();
        if (result.Succeeded)
        {
            await ReloadAsync(payloadId: result.Id);
            Say($"Payload \"{_session.Payload.Name}\" saved.", Severity.Success);
        }
        else if (result.Outcome != WriteOutcome.Invalid)
        {
            Say(result.Message, Severity.Error);
        }
    });

    private Task SaveUserAsync() => RunAsync(async id =>
    {
        var result = await Samples.SaveUserAsync(id, _session.User);
        _userErrors = result.Errors ?? new ValidationErrors();
        if (result.Succeeded)
        {
            await ReloadAsync(userId: result.Id);
            Say($"User \"{_session.User.Name}\" saved.", Severity.Success);
        }
        else if (result.Outcome != WriteOutcome.Invalid)
        {
            Say(result.Message, Severity.Error);
        }
    });

    private Task DuplicateAsync(SampleKind kind) => RunAsync(async id =>
    {
        var sampleId = kind == SampleKind.User ? _session.User.Id : Editing(kind)!.Id;
        if (sampleId is null)
        {
            return;
        }
        var result = await Samples.DuplicateAsync(id, kind, sampleId.Value);
        if (result.Succeeded)
        {
            await (kind switch
            {
                SampleKind.Payload => ReloadAsync(payloadId: result.Id),
                SampleKind.User => ReloadAsync(userId: result.Id),
                _ => ReloadAsync(connectedContentId: result.Id),
            });
            Say("Copied: you are now editing the copy.", Severity.Success);
        }
        else
        {
            Say(result.Message, Severity.Error);
        }
    });

    private Task DeleteAsync(SampleKind kind) => RunAsync(async id =>
    {
        var sampleId = kind == SampleKind.User ? _session.User.Id : Editing(kind)!.Id;
        if (sampleId is null)
        {
            return;
        }
        var name = kind == SampleKind.User ? _session.User.Name : Editing(kind)!.Name;
        var version = kind == SampleKind.User ? _session.User.Version : Editing(kind)!.Version;
        var result = await Samples.DeleteAsync(id, kind, sampleId.Value, version ?? Guid.Empty);
        switch (kind)
        {
            case SampleKind.Payload:
                _session.PickPayload(null);
                break;
            case SampleKind.User:
                _session.PickUser(null);
                break;
            default:
                _session.PickConnectedContent(null);
                break;
        }
        await ReloadAsync();
        Say(result.Succeeded ? $"\"{name}\" deleted." : result.Message, result.Succeeded ? Severity.Success : Severity.Error);
    });

    private async Task GenerateAsync()
    {
        if (!Saved)
        {
            _session.EditPayloadText(TriggerProperties.SampleJson(Templates.TriggerPropertyPaths(CampaignForms.ToCampaign(Form))));
            Say("Filled in every trigger property the templates use.", Severity.Success);
            return;
        }
        await RunAsync(async _ =>
        {
            var result = await Samples.GeneratePayloadAsync(CampaignForms.ToCampaign(Form));
            if (result.Succeeded)
            {
                await ReloadAsync(payloadId: result.Id);
                Say($"Saved \"{_session.Payload.Name}\" with every trigger property the templates use.", Severity.Success);
            }
            else
            {
                Say(result.Message, Severity.Error);
            }
        });
    }

    private async Task RunAsync(Func<string, Task> action)
    {
        if (_busy || Form.CampaignId is not { } id)
        {
            return;
        }
        _busy = true;
        _message = null;
        try
        {
            await action(id);
        }
        finally
        {
            _busy = false;
        }
    }

    private void Say(string? message, Severity severity)
    {
        _message = message;
        _messageSeverity = severity;
    }

    public void Dispose() => _session.Changed -= OnSessionChanged;
}
