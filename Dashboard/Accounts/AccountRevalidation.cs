using System.Security.Claims;
using BrazeLite.Core.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Accounts;

/// <summary>
/// Checks an open circuit's account against the database every minute: a changed security stamp (signed out
/// everywhere, password or role changed, account disabled) ends the circuit's session as it ends the cookie, and so does
/// the cookie running out (<see cref="CurrentAccount.SessionExpiresAt"/>).
/// </summary>
/// <remarks>
/// A session that fails the check is not swapped for an anonymous one (that would tear the open page down with what was
/// typed in it): <see cref="CurrentAccount.EndSession"/> stops the services accepting changes and the layout asks the
/// person to sign in again, keeping the page's unsaved work (<see cref="UnsavedWork"/>).
/// </remarks>
internal sealed class AccountRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options,
    CurrentAccount current, TimeProvider time) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<AccountRevalidation>();

    protected override TimeSpan RevalidationInterval => AccountsSetup.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        CheckAsync(state);

    /// <summary>Ends the circuit's session when it no longer holds; always keeps the state (see the remarks).</summary>
    internal async Task<bool> CheckAsync(AuthenticationState state)
    {
        if (current.SessionEnded)
        {
            return true;
        }
        if (current.HasExpired(time.GetUtcNow()))
        {
            _logger.LogInformation("The session of {Account} ran out at {ExpiresAt} while a page was open", current.Actor?.Name, current.SessionExpiresAt);
            current.EndSession(ranOut: true);
        }
        else if (!await IsStillValidAsync(state))
        {
            _logger.LogInformation("The session of {Account} was ended elsewhere while a page was open", current.Actor?.Name);
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
