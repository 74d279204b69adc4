using BrazeLite.Core.ApiKeys;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.ApiKeys;

public sealed partial class ApiKeysPage
{
    [Inject] public required IApiKeyService Keys { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }

    /// <summary>What the editor is editing: a new key (no id) or an existing one.</summary>
    private sealed record Editing(string? KeyId, string Name, ApiKeyForm Form);

    private sealed record Created(ApiKey Key, string Secret);

    private IReadOnlyList<ApiKey>? _keys;
    private Editing? _editing;
    private Created? _created;
    private string? _notice;
    private Severity _noticeSeverity = Severity.Info;

    protected override async Task OnInitializedAsync() => await ReloadAsync();

    private async Task ReloadAsync() => _keys = await Keys.ListAsync();

    private void StartCreate()
    {
        _created = null;
        _notice = null;
        _editing = new Editing(null, "", new ApiKeyForm());
    }

    private void StartEdit(ApiKey key)
    {
        _created = null;
        _notice = null;
        _editing = new Editing(key.KeyId, key.Name, ApiKeyForm.From(key));
    }

    private async Task<ValidationErrors?> SaveAsync(ApiKeyForm form)
    {
        var editing = _editing!;
        var result = editing.KeyId is null ? await Keys.CreateAsync(form) : await Keys.UpdateAsync(editing.KeyId, form);
        if (result.Outcome == WriteOutcome.Invalid)
        {
            return result.Errors;
        }
        _editing = null;
        if (result.Succeeded)
        {
            _created = result.Secret is { } secret ? new Created(result.Key!, secret) : null;
            Say(result.Secret is null ? $"Key “{result.Key!.Name}” saved." : null, Severity.Success);
        }
        else
        {
            Say(result.Message, Severity.Error);
        }
        await ReloadAsync();
        // Called by the editor as a plain delegate (it needs the errors back), so the page renders itself.
        StateHasChanged();
        return null;
    }

    private async Task RevokeAsync(ApiKey key)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Revoke “{key.Name}”?",
            "Requests with this key get 401 Unauthorized from now on. A revoked key cannot be restored: the service using it needs a new one.",
            yesText: "Revoke",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }
        var result = await Keys.RevokeAsync(key.KeyId, key.Version);
        Say(result.Succeeded ? $"Key “{key.Name}” revoked." : result.Message, result.Succeeded ? Severity.Success : Severity.Error);
        await ReloadAsync();
    }

    private void Say(string? message, Severity severity)
    {
        _notice = message;
        _noticeSeverity = severity;
    }
}
