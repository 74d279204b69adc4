using System.Security.Claims;
using BrazeLite.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Accounts;

/// <summary>The cookie's claims: Identity's (ID, email, security stamp, role) and the display name the dashboard shows.</summary>
internal sealed class AccountClaims(UserManager<Account> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentAccount.DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
