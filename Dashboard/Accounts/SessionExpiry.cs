using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Accounts;

/// <summary>
/// When the dashboard cookie a page was loaded with runs out. A circuit makes no HTTP request after it opens, so the
/// cookie's own expiry is handed to it with the page (<see cref="CurrentAccount.SessionExpiresAt"/>) and checked there.
/// </summary>
internal static class SessionExpiry
{
    private const string RenewedUntilKey = "BrazeLite.SessionRenewedUntil";

    /// <summary>Notes a sliding renewal in the request, which the ticket read back does not show.</summary>
    public static void TrackRenewals(CookieAuthenticationOptions options)
    {
        var prior = options.Events.OnCheckSlidingExpiration;
        options.Events.OnCheckSlidingExpiration = async context =>
        {
            await prior(context);
            if (context.ShouldRenew && RenewedUntil((context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow(), context.Properties) is { } until)
            {
                context.HttpContext.Items[RenewedUntilKey] = until;
            }
        };
    }

    /// <summary>A renewed ticket lasts as long again from now as it was issued for (the cookie handler's rule).</summary>
    public static DateTimeOffset? RenewedUntil(DateTimeOffset now, AuthenticationProperties properties) =>
        properties is { IssuedUtc: { } issued, ExpiresUtc: { } expires } ? now + (expires - issued) : null;

    /// <summary>The expiry of the request's dashboard session, or null when it has none.</summary>
    public static async Task<DateTimeOffset?> OfAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!result.Succeeded)
        {
            return null;
        }
        return http.Items[RenewedUntilKey] as DateTimeOffset? ?? result.Properties?.ExpiresUtc;
    }
}
