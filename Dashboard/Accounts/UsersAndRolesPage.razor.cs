using BrazeLite.Core.Accounts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Accounts;

public sealed partial class UsersAndRolesPage
{
    [Inject] public required AccountService Accounts { get; init; }
    [Inject] public required CurrentAccount Current { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required WorkspaceSettings Workspace { get; init; }

    private sealed record ShownLink(string Title, string Name, string Url);

    private IReadOnlyList<AccountSummary>? _accounts;
    private InviteForm _invite = new();
    private MudForm? _form;
    private Dictionary<string, string> _errors = [];
    private ShownLink? _link;
    private string? _notice;
    private Severity _noticeSeverity = Severity.Info;
    private bool _busy;
    private bool _launchesNeedApproval;

    protected override async Task OnInitializedAsync()
    {
        _launchesNeedApproval = await Workspace.LaunchesNeedApprovalAsync();
        await ReloadAsync();
    }

    private async Task SetApprovalAsync(bool value)
    {
        if (await Workspace.SetLaunchesNeedApprovalAsync(value) is { } refusal)
        {
            Say(refusal, Severity.Error);
            return;
        }
        _launchesNeedApproval = value;
        Say(value ? "Launches and changes to Active campaigns now need an Approver." : "Marketers launch and change campaigns themselves again.", Severity.Success);
    }

    private async Task ReloadAsync() => _accounts = await Accounts.ListAsync();

    private string? ErrorFor(string field) => _errors.GetValueOrDefault(field);

    private static string StateText(AccountState state) => state switch
    {
        AccountState.Invited => "Invited, no password yet",
        AccountState.LockedOut => "Locked out (too many wrong passwords)",
        AccountState.Disabled => "Disabled",
        _ => "Active",
    };

    private async Task InviteAsync()
    {
        _errors = AccountPages.Validate(_invite);
        if (_errors.Count > 0)
        {
            return;
        }
        _busy = true;
        try
        {
            var result = await Accounts.InviteAsync(_invite);
            if (!result.Succeeded)
            {
                _errors = result.Errors?.Where(e => e.Key.Length > 0).ToDictionary() ?? [];
                if (_errors.Count == 0)
                {
                    Say(result.Message, Severity.Error);
                }
                return;
            }
            _link = new ShownLink($"{_invite.DisplayName.Trim()} is invited as {_invite.Role}.", _invite.DisplayName.Trim(), Navigation.BaseUri + result.Link);
            _notice = null;
            _invite = new InviteForm();
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private Task NewLinkAsync(AccountSummary account) => RunAsync(async () =>
    {
        var result = await Accounts.NewLinkAsync(account.Id);
        if (result.Succeeded)
        {
            _link = new ShownLink($"A new password link for {account.DisplayName}.", account.DisplayName, Navigation.BaseUri + result.Link);
        }
        return result;
    }, null);

    private async Task ChangeRoleAsync(AccountSummary account, string role)
    {
        if (await Dialogs.ShowMessageBoxAsync($"Make {account.DisplayName} {Article(role)} {role}?",
                $"{Roles.Describe(role)} {account.DisplayName}'s open sessions end; the next sign-in has the new role.",
                yesText: "Change role", cancelText: "Cancel") != true)
        {
            await ReloadAsync();
            return;
        }
        await RunAsync(() => Accounts.ChangeRoleAsync(account.Id, role), $"{account.DisplayName} is now {Article(role)} {role}.");
    }

    private async Task DisableAsync(AccountSummary account)
    {
        if (await Dialogs.ShowMessageBoxAsync($"Disable {account.DisplayName}?",
                "They cannot sign in any more and their open sessions end within a minute. Their history stays. You can enable the account again.",
                yesText: "Disable", cancelText: "Cancel") != true)
        {
            return;
        }
        await RunAsync(() => Accounts.DisableAsync(account.Id), $"{account.DisplayName} is disabled.");
    }

    private Task EnableAsync(AccountSummary account) =>
        RunAsync(() => Accounts.EnableAsync(account.Id), $"{account.DisplayName} is enabled: they sign in with their password.");

    private Task SignOutEverywhereAsync(AccountSummary account) =>
        RunAsync(() => Accounts.SignOutEverywhereAsync(account.Id), $"{account.DisplayName}'s sessions end within a minute.");

    private async Task RunAsync(Func<Task<AccountResult>> action, string? done)
    {
        _busy = true;
        try
        {
            var result = await action();
            if (done is not null || !result.Succeeded)
            {
                Say(result.Succeeded ? done : result.Message, result.Succeeded ? Severity.Success : Severity.Error);
            }
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private static string Article(string role) => role is Roles.Admin or Roles.Approver ? "an" : "a";

    private void Say(string? message, Severity severity)
    {
        _notice = message;
        _noticeSeverity = severity;
    }
}
