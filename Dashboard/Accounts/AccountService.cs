using BrazeLite.Core.Accounts;
using BrazeLite.Core.Audit;
using BrazeLite.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Accounts;

/// <summary>
/// Accounts: the first administrator, invitations and their one-time links, roles, disabling, and ending sessions.
/// Each operation runs in its own scope (its own UserManager and context) and records itself in the audit trail in
/// the same transaction. Everything but the first administrator and the invitation link needs an admin.
/// </summary>
public sealed partial class AccountService(
    IServiceScopeFactory scopes,
    IActorAccessor actors,
    AuditTrail audit,
    TimeProvider time,
    ILogger<AccountService> logger)
{
    public const string SetPasswordPath = "account/set-password";
    private static readonly SemaphoreSlim FirstAdminGate = new(1, 1);

    /// <summary>Whether anyone can sign in yet; until then every page leads to the first administrator's form.</summary>
    public async Task<bool> AnyAccountAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BrazeLiteDbContext>().Set<Account>().AnyAsync(ct);
    }

    /// <summary>Creates the first administrator; refused once any account exists.</summary>
    public async Task<AccountResult> CreateFirstAdminAsync(FirstAdminForm form, CancellationToken ct = default)
    {
        await FirstAdminGate.WaitAsync(ct);
        try
        {
            if (await AnyAccountAsync(ct))
            {
                return AccountResult.Refused("An administrator exists already: sign in, or ask an administrator for an invitation.");
            }
            await using var scope = scopes.CreateAsyncScope();
            var (users, db) = Services(scope);
            var account = NewAccount(form.DisplayName, form.Email);
            account.PasswordSetAt = time.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var created = await users.CreateAsync(account, form.Password ?? "");
            if (!created.Succeeded)
            {
                return Failure(created);
            }
            var self = new Actor(account.Id, account.DisplayName, Roles.Admin);
            audit.Record(db, AuditArea.Account, "First administrator created", account.Id, Describe(account),
                changes: [new FieldChange("Role", null, Roles.Admin)], actor: self);
            var role = await users.AddToRoleAsync(account, Roles.Admin);
            if (!role.Succeeded)
            {
                return Failure(role);
            }
            await transaction.CommitAsync(ct);
            LogCreated(account.Id, Roles.Admin);
            return AccountResult.Done(account.Id);
        }
        finally
        {
            FirstAdminGate.Release();
        }
    }

    /// <summary>Every account, admins first, then by name.</summary>
    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken ct = default)
    {
        if (actors.Refusal(Capability.ManageUsers) is not null)
        {
            return [];
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BrazeLiteDbContext>();
        var accounts = await db.Set<Account>().AsNoTracking().ToListAsync(ct);
        var roles = await db.Set<IdentityUserRole<string>>().AsNoTracking()
            .Join(db.Set<IdentityRole>(), ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        return accounts
            .Select(a => new AccountSummary(a.Id, a.DisplayName, a.Email ?? "", roles.FirstOrDefault(r => r.UserId == a.Id)?.Name ?? Roles.Viewer,
                StateOf(a, now), a.CreatedAt))
            .OrderBy(a => Roles.All.ToList().IndexOf(a.Role))
            .ThenBy(a => a.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Creates an account without a password and returns the one-time link that lets its owner choose one.</summary>
    public async Task<AccountResult> InviteAsync(InviteForm form, CancellationToken ct = default)
    {
        if (actors.Refusal(Capability.ManageUsers) is { } forbidden)
        {
            return AccountResult.Refused(forbidden);
        }
        if (!Roles.IsRole(form.Role))
        {
            return AccountResult.Invalid(nameof(InviteForm.Role), "Pick one of Admin, Approver, Marketer and Viewer.");
        }
        await using var scope = scopes.CreateAsyncScope();
        var (users, db) = Services(scope);
        var account = NewAccount(form.DisplayName, form.Email);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(account);
        if (!created.Succeeded)
        {
            return Failure(created);
        }
        audit.Record(db, AuditArea.Account, "User invited", account.Id, Describe(account), changes: [new FieldChange("Role", null, form.Role)]);
        var role = await users.AddToRoleAsync(account, form.Role);
        if (!role.Succeeded)
        {
            return Failure(role);
        }
        await transaction.CommitAsync(ct);
        LogCreated(account.Id, form.Role);
        return AccountResult.Done(account.Id, await LinkAsync(users, account));
    }

    /// <summary>
    /// A new one-time link for an account: an invitation that was lost, or a forgotten password. It works until a
    /// password is chosen with it (or with any other link of the account).
    /// </summary>
    public async Task<AccountResult> NewLinkAsync(string accountId, CancellationToken ct = default)
    {
        if (actors.Refusal(Capability.ManageUsers) is { } forbidden)
        {
            return AccountResult.Refused(forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var (users, db) = Services(scope);
        if (await users.FindByIdAsync(accountId) is not { } account)
        {
            return AccountResult.Refused("No account has that ID.");
        }
        if (account.DisabledAt is not null)
        {
            return AccountResult.Refused($"{account.DisplayName}'s account is disabled: enable it first.");
        }
        audit.Record(db, AuditArea.Account, "Password link created", account.Id, Describe(account));
        await db.SaveChangesAsync(ct);
        return AccountResult.Done(account.Id, await LinkAsync(users, account));
    }

    /// <summary>Whether a link's account and token are still good, so the page can say so before anyone types.</summary>
    public async Task<bool> IsLinkValidAsync(string? accountId, string? token)
    {
        if (string.IsNullOrEmpty(accountId) || string.IsNullOrEmpty(token))
        {
            return false;
        }
        await using var scope = scopes.CreateAsyncScope();
        var (users, _) = Services(scope);
        return await users.FindByIdAsync(accountId) is { DisabledAt: null } account
            && await users.VerifyUserTokenAsync(account, users.Options.Tokens.PasswordResetTokenProvider, UserManager<Account>.ResetPasswordTokenPurpose, token);
    }

    /// <summary>Sets the password from a one-time link; the link (and every other) stops working.</summary>
    public async Task<AccountResult> SetPasswordAsync(string? accountId, string? token, SetPasswordForm form, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (users, db) = Services(scope);
        if (string.IsNullOrEmpty(accountId) || string.IsNullOrEmpty(token) || await users.FindByIdAsync(accountId) is not { DisabledAt: null } account)
        {
            return AccountResult.Refused(ExpiredLink);
        }
        var wasInvited = account.PasswordSetAt is null;
        account.PasswordSetAt = time.GetUtcNow();
        account.EmailConfirmed = true;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        audit.Record(db, AuditArea.Account, wasInvited ? "Invitation accepted" : "Password reset", account.Id, Describe(account),
            actor: new Actor(account.Id, account.DisplayName, (await users.GetRolesAsync(account)).FirstOrDefault() ?? Roles.Viewer));
        var reset = await users.ResetPasswordAsync(account, token, form.Password ?? "");
        if (!reset.Succeeded)
        {
            return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)) ? AccountResult.Refused(ExpiredLink) : Failure(reset);
        }
        await users.ResetAccessFailedCountAsync(account);
        await users.SetLockoutEndDateAsync(account, null);
        await transaction.CommitAsync(ct);
        LogPasswordSet(account.Id);
        return AccountResult.Done(account.Id);
    }

    public const string ExpiredLink = "This link has been used or has expired: ask an administrator for a new one.";

    /// <summary>Gives an account another role. Its sessions end, so the next sign-in carries the new role.</summary>
    public Task<AccountResult> ChangeRoleAsync(string accountId, string role, CancellationToken ct = default) =>
        ChangeAsync(accountId, "Role changed", ct, async (users, account, currentRole) =>
        {
            if (!Roles.IsRole(role))
            {
                return (AccountResult.Refused("Pick one of Admin, Approver, Marketer and Viewer."), null);
            }
            if (role == currentRole)
            {
                return (AccountResult.Refused($"{account.DisplayName} is {currentRole} already."), null);
            }
            if (currentRole == Roles.Admin && await IsLastAdminAsync(users, account))
            {
                return (AccountResult.Refused(LastAdmin), null);
            }
            var removed = await users.RemoveFromRoleAsync(account, currentRole);
            var added = removed.Succeeded ? await users.AddToRoleAsync(account, role) : removed;
            return added.Succeeded ? (null, [new FieldChange("Role", currentRole, role)]) : (Failure(added), null);
        });

    /// <summary>Turns an account off: it cannot sign in and its open sessions end at their next check.</summary>
    public Task<AccountResult> DisableAsync(string accountId, CancellationToken ct = default) =>
        ChangeAsync(accountId, "User disabled", ct, async (users, account, role) =>
        {
            if (account.Id == actors.Current?.AccountId)
            {
                return (AccountResult.Refused("You cannot disable your own account."), null);
            }
            if (role == Roles.Admin && await IsLastAdminAsync(users, account))
            {
                return (AccountResult.Refused(LastAdmin), null);
            }
            account.DisabledAt = time.GetUtcNow();
            account.LockoutEnabled = true;
            account.LockoutEnd = DateTimeOffset.MaxValue;
            return (null, [new FieldChange("State", "Active", "Disabled")]);
        });

    public Task<AccountResult> EnableAsync(string accountId, CancellationToken ct = default) =>
        ChangeAsync(accountId, "User enabled", ct, (_, account, _) =>
        {
            account.DisabledAt = null;
            account.LockoutEnd = null;
            account.AccessFailedCount = 0;
            return Task.FromResult<(AccountResult?, IReadOnlyList<FieldChange>?)>((null, [new FieldChange("State", "Disabled", "Active")]));
        });

    /// <summary>Ends every session of an account (an admin's for anyone; everyone's own through the menu).</summary>
    public async Task<AccountResult> SignOutEverywhereAsync(string accountId, CancellationToken ct = default)
    {
        if (accountId != actors.Current?.AccountId && actors.Refusal(Capability.ManageUsers) is { } forbidden)
        {
            return AccountResult.Refused(forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var (users, db) = Services(scope);
        if (await users.FindByIdAsync(accountId) is not { } account)
        {
            return AccountResult.Refused("No account has that ID.");
        }
        audit.Record(db, AuditArea.Account, "Signed out everywhere", account.Id, Describe(account));
        var result = await users.UpdateSecurityStampAsync(account);
        return result.Succeeded ? AccountResult.Done(account.Id) : Failure(result);
    }

    private const string LastAdmin = "This is the only administrator: make someone else an admin first.";

    private async Task<AccountResult> ChangeAsync(string accountId, string action, CancellationToken ct,
        Func<UserManager<Account>, Account, string, Task<(AccountResult? Refusal, IReadOnlyList<FieldChange>? Changes)>> change)
    {
        if (actors.Refusal(Capability.ManageUsers) is { } forbidden)
        {
            return AccountResult.Refused(forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var (users, db) = Services(scope);
        if (await users.FindByIdAsync(accountId) is not { } account)
        {
            return AccountResult.Refused("No account has that ID.");
        }
        var role = (await users.GetRolesAsync(account)).FirstOrDefault() ?? Roles.Viewer;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (refusal, changes) = await change(users, account, role);
        if (refusal is not null)
        {
            return refusal;
        }
        audit.Record(db, AuditArea.Account, action, account.Id, Describe(account), changes: changes);
        // A new security stamp ends the account's sessions: the cookie's next check and the circuit's revalidation refuse it.
        var updated = await users.UpdateSecurityStampAsync(account);
        if (!updated.Succeeded)
        {
            return Failure(updated);
        }
        await transaction.CommitAsync(ct);
        LogChanged(account.Id, action);
        return AccountResult.Done(account.Id);
    }

    private static async Task<bool> IsLastAdminAsync(UserManager<Account> users, Account account) =>
        (await users.GetUsersInRoleAsync(Roles.Admin)).Count(a => a.DisabledAt is null && a.Id != account.Id) == 0;

    private Account NewAccount(string displayName, string email) => new()
    {
        DisplayName = (displayName ?? "").Trim(),
        UserName = (email ?? "").Trim(),
        Email = (email ?? "").Trim(),
        CreatedAt = time.GetUtcNow(),
        LockoutEnabled = true,
    };

    private static async Task<string> LinkAsync(UserManager<Account> users, Account account) =>
        $"{SetPasswordPath}?account={Uri.EscapeDataString(account.Id)}&token={Uri.EscapeDataString(await users.GeneratePasswordResetTokenAsync(account))}";

    private static (UserManager<Account> Users, BrazeLiteDbContext Db) Services(AsyncServiceScope scope) =>
        (scope.ServiceProvider.GetRequiredService<UserManager<Account>>(), scope.ServiceProvider.GetRequiredService<BrazeLiteDbContext>());

    private static string Describe(Account account) => $"{account.DisplayName} <{account.Email}>";

    private static AccountState StateOf(Account account, DateTimeOffset now) =>
        account.DisabledAt is not null ? AccountState.Disabled
        : account.PasswordSetAt is null ? AccountState.Invited
        : account.LockoutEnd is { } end && end > now ? AccountState.LockedOut
        : AccountState.Active;

    /// <summary>Identity's refusals as field messages: password rules on the password, name and email on the email.</summary>
    private static AccountResult Failure(IdentityResult result)
    {
        var errors = new Dictionary<string, string>();
        foreach (var error in result.Errors)
        {
            var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(FirstAdminForm.Password)
                : error.Code is "DuplicateUserName" or "DuplicateEmail" or "InvalidEmail" or "InvalidUserName" ? nameof(FirstAdminForm.Email)
                : "";
            var text = error.Code is "DuplicateUserName" or "DuplicateEmail" ? "Another account already has this email address." : error.Description;
            errors[field] = errors.TryGetValue(field, out var before) ? $"{before} {text}" : text;
        }
        return new AccountResult(false, errors, string.Join(" ", errors.Values.Distinct()));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId} created as {Role}")]
    private partial void LogCreated(string accountId, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId} chose a password")]
    private partial void LogPasswordSet(string accountId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId}: {Action}")]
    private partial void LogChanged(string accountId, string action);
}
