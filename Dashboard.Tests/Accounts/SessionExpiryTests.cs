using BrazeLite.Core.Accounts;
using Dashboard.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Accounts;

/// <summary>
/// An open page's session ends when its cookie runs out, as the cookie would: the circuit cannot renew it, so it is told
/// the cookie's expiry with the page and checks it at every revalidation and every click.
/// </summary>
public sealed class SessionExpiryTests : IAsyncLifetime
{
    private const string Password = "a long enough passphrase";
    private readonly DashboardApiFactory _factory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() =>
        Assert.True((await _factory.Services.GetRequiredService<AccountService>().CreateFirstAdminAsync(
            new FirstAdminForm { DisplayName = "Ada", Email = "ada@shop.example", Password = Password, ConfirmPassword = Password })).Succeeded);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<AuthenticationState> SignedInStateAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<Account>>()
            .CreateUserPrincipalAsync((await users.FindByEmailAsync("ada@shop.example"))!);
        return new AuthenticationState(principal);
    }

    private AccountRevalidation Revalidation(CurrentAccount account) => new(
        _factory.Services.GetRequiredService<ILoggerFactory>(), _factory.Services.GetRequiredService<IServiceScopeFactory>(),
        _factory.Services.GetRequiredService<IOptions<IdentityOptions>>(), account, _time);

    [Fact]
    public async Task OpenPage_KeepsItsSessionUntilTheCookieRunsOut_ThenEndsItAsRunOut()
    {
        var state = await SignedInStateAsync();
        var account = new CurrentAccount { SessionExpiresAt = _time.GetUtcNow().AddHours(AccountsSetup.SessionHours) };
        account.Set(CurrentAccount.ActorOf(state.User));
        var revalidation = Revalidation(account);

        _time.Advance(TimeSpan.FromHours(AccountsSetup.SessionHours) - TimeSpan.FromMinutes(1));
        Assert.True(await revalidation.CheckAsync(state));
        Assert.False(account.SessionEnded);
        Assert.Equal("Ada", account.Actor?.Name);

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await revalidation.CheckAsync(state));

        Assert.True(account.SessionEnded);
        Assert.True(account.SessionRanOut);
        Assert.Null(account.Actor);
    }

    [Fact]
    public async Task OpenPage_SignedOutEverywhere_EndsBeforeTheCookieRunsOut_AndSaysSo()
    {
        var state = await SignedInStateAsync();
        var account = new CurrentAccount { SessionExpiresAt = _time.GetUtcNow().AddHours(AccountsSetup.SessionHours) };
        account.Set(CurrentAccount.ActorOf(state.User));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync("ada@shop.example"))!);
        }

        await Revalidation(account).CheckAsync(state);

        Assert.True(account.SessionEnded);
        Assert.False(account.SessionRanOut);
    }

    [Fact]
    public async Task PageLoad_ReadsTheExpiryOfTheCookieItCameWith()
    {
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetAsync("/account/login");
        var page = await form.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"(?<t>[^\"]+)\"").Groups["t"].Value;
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent([
                new("_handler", "signin"), new("__RequestVerificationToken", token),
                new("Form.Email", "ada@shop.example"), new("Form.Password", Password)]),
        };
        request.Headers.Add("Cookie", string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var before = DateTimeOffset.UtcNow;
        var signedIn = await client.SendAsync(request);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("BrazeLite.Session=", StringComparison.Ordinal)).Split(';')[0];

        await using var scope = _factory.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Headers.Cookie = session;
        var expires = await SessionExpiry.OfAsync(http);

        Assert.NotNull(expires);
        Assert.InRange(expires.Value, before.AddHours(AccountsSetup.SessionHours).AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(AccountsSetup.SessionHours).AddMinutes(1));
        await using var anonymous = _factory.Services.CreateAsyncScope();
        Assert.Null(await SessionExpiry.OfAsync(new DefaultHttpContext { RequestServices = anonymous.ServiceProvider }));
    }

    [Fact]
    public void RenewedCookie_LastsAsLongAgainFromNow()
    {
        var issued = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        var properties = new AuthenticationProperties { IssuedUtc = issued, ExpiresUtc = issued.AddHours(8) };

        Assert.Equal(issued.AddHours(13), SessionExpiry.RenewedUntil(issued.AddHours(5), properties));
        Assert.Null(SessionExpiry.RenewedUntil(issued, new AuthenticationProperties()));
    }
}
