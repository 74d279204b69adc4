using System.Security.Claims;
using BrazeLite.Core.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Accounts;

/// <summary>
/// Checks an open circuit's account against the database every minute: a changed security stamp (signed out
/// everywhere, password or role changed, account disabled) ends the circuit's session as it ends the cookie.
/// </summary>
/// <remarks>
/// A session that fails the check is not swapped for an anonymous one (that would tear the open page down with what was
/// typed in it): <see cref="CurrentAccount.EndSession"/> stops the services accepting changes and the layout asks the
/// person to sign in again, keeping the page's unsaved work (<see cref="UnsavedWork"/>).
/// </remarks>
internal sealed class AccountRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options,
    CurrentAccount current) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => AccountsSetup.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        if (!await IsStillValidAsync(state))
        {
            current.EndSession();
        }
        return true;
    }

    private async Task<bool> IsStillValidAsync(AuthenticationState state)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = await users.GetUserAsync(state.User);
        if (account is null || account.DisabledAt is not null)
        {
            return false;
        }
        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }
        var stamp = state.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(account);
    }
}
