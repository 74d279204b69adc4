using System.Net;
using System.Text.RegularExpressions;
using BrazeLite.Core.Accounts.Storage;
using Dashboard.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Accounts;

/// <summary>
/// The dashboard's doors over real HTTP: pages need a session, the first start leads to the administrator's form, and
/// the cookie and the REST keys never stand in for each other.
/// </summary>
public sealed partial class SignInHttpTests : IAsyncLifetime
{
    private const string Password = "a long enough passphrase";
    private readonly string _restartPath;
    private readonly DashboardApiFactory _factory;

    public SignInHttpTests()
    {
        _restartPath = Path.Combine(Path.GetTempPath(), $"brazelite-signin-{Guid.NewGuid():N}.db");
        _factory = new DashboardApiFactory(_restartPath, keepDatabase: true);
    }

    public Task InitializeAsync()
    {
        _ = _factory.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _restartPath, _restartPath + "-wal", _restartPath + "-shm" })
        {
            File.Delete(file);
        }
    }

    private HttpClient Browser() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task CreateAdminAsync() =>
        Assert.True((await _factory.Services.GetRequiredService<AccountService>().CreateFirstAdminAsync(
            new FirstAdminForm { DisplayName = "Ada", Email = "ada@shop.example", Password = Password, ConfirmPassword = Password })).Succeeded);

    /// <summary>Fills a static form the way a browser posts it: its antiforgery token and handler name included.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page).Groups["token"].Value;
        var body = new List<KeyValuePair<string, string>> { new("_handler", handler), new("__RequestVerificationToken", token) };
        body.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(path, new FormUrlEncodedContent(body));
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string password = Password) =>
        PostFormAsync(client, "/account/login", "signin", ("Form.Email", "ada@shop.example"), ("Form.Password", password));

    [Fact]
    public async Task FreshInstall_EveryPageLeadsToTheFirstAdministratorsForm()
    {
        var client = _factory.CreateClient();

        var page = await client.GetStringAsync("/campaigns/new");

        Assert.Contains("<h1>Create the first administrator</h1>", page);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/campaigns/new")]
    [InlineData("/settings/users")]
    [InlineData("/activity")]
    public async Task Page_WithoutASession_RedirectsToSignInAndBack(string path)
    {
        await CreateAdminAsync();

        var response = await Browser().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/login?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Page_WithARestKeyOnly_IsNotOpened()
    {
        await CreateAdminAsync();
        var client = Browser();
        client.DefaultRequestHeaders.Authorization = new("Bearer", DashboardApiFactory.AllPermissionsKey);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SignedIn_OpensPages_ButTheCookieNeverAuthorisesTheRestApi()
    {
        await CreateAdminAsync();
        var client = Browser();

        var signIn = await SignInAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var api = await client.PostAsync("/campaigns/trigger/send",
            new StringContent("""{"campaign_id": "x", "recipients": [{"external_user_id": "u"}]}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Contains("\"message\"", await api.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoAndSetsNoSession()
    {
        await CreateAdminAsync();
        var client = Browser();

        var response = await SignInAsync(client, "not the password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That email and password do not match an account.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutTheFormsToken_IsRefused_WithIt_EndsTheSession()
    {
        await CreateAdminAsync();
        var client = Browser();
        await SignInAsync(client);

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        // The layout's menu renders its token in the circuit; a static form of this session carries the same kind.
        var page = await client.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(page).Groups["token"].Value;
        var signOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task SignIn_ReturnUrlToAnotherSite_GoesHomeInstead(string returnUrl)
    {
        await CreateAdminAsync();
        var client = Browser();

        var response = await PostFormAsync(client, "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl), "signin",
            ("Form.Email", "ada@shop.example"), ("Form.Password", Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString);
    }

    [Fact]
    public async Task SignedIn_AfterARestartOnTheSameDatabase_TheCookieStillWorks()
    {
        await CreateAdminAsync();
        var response = await SignInAsync(Browser());
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("BrazeLite.Session", StringComparison.Ordinal)));
        Assert.NotEmpty(cookie);
        await _factory.DisposeAsync();

        // A new process on the same file: the key ring is in the database, not in the old process's memory.
        await using var restarted = new DashboardApiFactory(_restartPath, keepDatabase: true);
        var client = restarted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        await using var db = await restarted.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<BrazeLite.Core.Data.BrazeLiteDbContext>>().CreateDbContextAsync();
        Assert.NotEmpty(db.DataProtectionKeys.ToList());
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/campaigns")]
    public async Task EveryPage_CarriesTheSecurityHeaders(string path)
    {
        await CreateAdminAsync();

        var response = await Browser().GetAsync(path);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.DoesNotContain("'unsafe-inline'", policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task RestAnswers_CarryTheJsonSecurityHeaders_NotThePagesPolicy()
    {
        await CreateAdminAsync();

        var response = await Browser().GetAsync("/campaigns/list");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(response.Headers.Contains("Permissions-Policy"));
    }

    [GeneratedRegex("""name="__RequestVerificationToken" value="(?<token>[^"]+)""")]
    private static partial Regex AntiforgeryToken();
}
