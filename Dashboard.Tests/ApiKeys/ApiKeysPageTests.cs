using System.Net;
using Bunit;
using BrazeLite.Core.ApiKeys;
using Dashboard.ApiKeys;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.ApiKeys;

/// <summary>Settings &gt; API keys, on the real key service and a real database.</summary>
public sealed class ApiKeysPageTests : DashboardTestContext
{
    private const string TriggerSend = "campaigns.trigger.send: POST /campaigns/trigger/send and AJO's executions";
    private readonly ApiKeyService _keys;
    private readonly ApiKeyDirectory _directory;

    public ApiKeysPageTests()
    {
        var database = SqliteTestDatabase.CreateAsync().GetAwaiter().GetResult();
        Services.AddSingleton(_ => database);
        (_keys, _directory, _) = CoreServices.ApiKeys(database, Time);
        Services.AddSingleton<IApiKeyService>(_keys);
    }

    private IRenderedComponent<ApiKeysPage> RenderPage()
    {
        var cut = Render<ApiKeysPage>();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[aria-label='Loading API keys']")));
        return cut;
    }

    private static void Create(IRenderedComponent<ApiKeysPage> cut, string name, string? addresses = null)
    {
        Click(cut, "Create API key");
        Type(cut, "Key name", name);
        CheckBox(cut, TriggerSend).Change(true);
        if (addresses is not null)
        {
            Type(cut, "Allowed client addresses", addresses);
        }
        Click(cut, "Create key");
    }

    [Fact]
    public void Page_NoKeys_SaysHowToGetOne()
    {
        var cut = RenderPage();

        Assert.Contains("No API keys yet", cut.Find("[data-testid=empty-state]").TextContent);
    }

    [Fact]
    public async Task CreateKey_NameAndPermission_ShowsTheSecretOnceAndListsTheKey()
    {
        var cut = RenderPage();

        Create(cut, "Order service");

        cut.WaitForAssertion(() => NoticeSaying(cut, "Key “Order service” created. Copy it now: BrazeLite keeps only its hash, so it is not shown again."));
        var secret = cut.Find("code[aria-label='API key secret']").TextContent;
        Assert.Matches("^[0-9a-f-]{36}$", secret);
        Assert.NotNull(Button(cut, "Copy API key"));
        var row = RowWith(cut, "Order service");
        Assert.Contains(secret[..8] + "…", row.TextContent);
        Assert.Contains("campaigns.trigger.send", row.TextContent);
        Assert.Contains("Any address", row.TextContent);
        Assert.Contains("Never", row.TextContent);
        Assert.Equal(ApiKeyCheckOutcome.Valid, (await _directory.CheckAsync(secret, IPAddress.Loopback)).Outcome);
        Assert.Empty(cut.FindAll("[role=form]"));
    }

    [Fact]
    public async Task CreateKey_WithoutNameOrPermission_ShowsEachProblemAndCreatesNothing()
    {
        var cut = RenderPage();
        Click(cut, "Create API key");

        Click(cut, "Create key");

        cut.WaitForAssertion(() => Assert.Equal("Give the key a name, such as the service that will use it.", ErrorUnder(cut, "Key name")));
        NoticeSaying(cut, "Choose at least one permission: a key without any can call nothing.");
        Assert.Empty(await _keys.ListAsync());
        Type(cut, "Key name", "Order service");
        cut.WaitForAssertion(() => Assert.Null(ErrorUnder(cut, "Key name")));
    }

    [Fact]
    public async Task CreateKey_BadAddress_SaysWhichAndKeepsWhatWasTyped()
    {
        var cut = RenderPage();

        Create(cut, "Order service", "203.0.113.0/24\nlocalhost");

        cut.WaitForAssertion(() => Assert.StartsWith("\"localhost\" is not an address or CIDR range", ErrorUnder(cut, "Allowed client addresses")));
        Assert.Equal("Order service", Field(cut, "Key name").GetAttribute("value"));
        Assert.Empty(await _keys.ListAsync());
    }

    [Fact]
    public async Task EditKey_Renamed_ShowsTheNewNameAndKeepsTheSecretWorking()
    {
        var created = await _keys.CreateAsync(new ApiKeyForm { Name = "Order service", Permissions = ["users.track"] });
        var cut = RenderPage();

        Click(cut, "Edit Order service");
        Type(cut, "Key name", "Order service (EU)");
        Click(cut, "Save changes");

        cut.WaitForAssertion(() => NoticeSaying(cut, "Key “Order service (EU)” saved."));
        Assert.Contains("users.track", RowWith(cut, "Order service (EU)").TextContent);
        Assert.Equal("Order service (EU)", (await _directory.CheckAsync(created.Secret!, IPAddress.Loopback)).Key!.Name);
    }

    [Fact]
    public async Task RevokeKey_Confirmed_MarksItRevokedAndTheSecretStopsWorking()
    {
        var created = await _keys.CreateAsync(new ApiKeyForm { Name = "Old service", Permissions = ["users.track"] });
        var dialogs = RenderDialogs();
        var cut = RenderPage();

        Click(cut, "Revoke Old service");
        dialogs.WaitForAssertion(() => Assert.Contains("Requests with this key get 401 Unauthorized from now on.", DialogText(dialogs)));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Revoke").Click();

        cut.WaitForAssertion(() => NoticeSaying(cut, "Key “Old service” revoked."));
        Assert.Contains("Revoked 2026-03-02 09:30 UTC", RowWith(cut, "Old service").TextContent);
        Assert.Empty(cut.FindAll("button[aria-label='Revoke Old service']"));
        Assert.Equal(ApiKeyCheckOutcome.Unknown, (await _directory.CheckAsync(created.Secret!, IPAddress.Loopback)).Outcome);
    }

    [Fact]
    public async Task RevokeKey_Cancelled_KeepsIt()
    {
        await _keys.CreateAsync(new ApiKeyForm { Name = "Old service", Permissions = ["users.track"] });
        var dialogs = RenderDialogs();
        var cut = RenderPage();

        Click(cut, "Revoke Old service");
        dialogs.WaitForAssertion(() => Assert.Contains("Revoke “Old service”?", DialogText(dialogs)));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[role=dialog]")));
        Assert.False(Assert.Single(await _keys.ListAsync()).Revoked);
    }

    [Fact]
    public async Task ProvisionedKey_IsMarkedAndOffersNoEditOrRevoke()
    {
        await _keys.ProvisionAsync([new ProvisionedApiKey { Name = "ci", Key = "ci-secret-0123456789abcdef", Permissions = ["*"] }]);

        var cut = RenderPage();

        var row = RowWith(cut, "ci");
        Assert.Contains("Provisioned", row.TextContent);
        Assert.Contains("Set in configuration", row.TextContent);
        Assert.Empty(row.QuerySelectorAll("button"));
    }

    [Fact]
    public async Task UsedKey_ShowsWhenItWasLastUsed()
    {
        var created = await _keys.CreateAsync(new ApiKeyForm { Name = "Order service", Permissions = ["users.track"] });
        Time.Advance(TimeSpan.FromMinutes(90));
        await _directory.CheckAsync(created.Secret!, IPAddress.Loopback);

        var cut = RenderPage();

        Assert.Contains("2026-03-02 11:00 UTC", RowWith(cut, "Order service").TextContent);
    }
}
