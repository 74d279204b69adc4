using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>Accounts as people meet them: an invitation link, a role that decides what the pages offer, signing out.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountsBrowserTests(DashboardBrowserFixture fixture)
{
    private const string Password = "viewer passphrase 2026";

    /// <summary>The admin invites someone on Users and roles; they open the link with no session and choose a password.</summary>
    private async Task<DashboardPage> InviteAndAcceptAsync(DashboardPage admin, string name, string email, string role, string test)
    {
        var page = admin.Page;
        await admin.OpenAsync("/settings/users");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Role", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = role }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
        await Expect(page.GetByText($"{name} is invited as {role}.")).ToBeVisibleAsync();
        var link = (await page.GetByLabel("Password link", new() { Exact = true }).InnerTextAsync()).Trim();

        var invited = await fixture.NewPageAsync(test, signedIn: false);
        await invited.Page.GotoAsync(link);
        await invited.Page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await invited.Page.GetByLabel("Password again").FillAsync(Password);
        await invited.Page.GetByRole(AriaRole.Button, new() { Name = "Set password and sign in" }).ClickAsync();
        await invited.WaitForInteractiveAsync();
        await Expect(invited.Page.GetByRole(AriaRole.Button, new() { Name = $"Account: {name}, {role}" })).ToBeVisibleAsync();
        return invited;
    }

    [SkippableFact]
    public async Task Launch_RequestedByAMarketer_IsApprovedByAnApproverAndTheHistoryShowsBoth()
    {
        BrowserRequirement.Require();
        const string test = nameof(Launch_RequestedByAMarketer_IsApprovedByAnApproverAndTheHistoryShowsBoth);
        var app = fixture.App!;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var name = $"Needs approval {tag}";
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<BrazeLite.Core.Data.BrazeLiteDbContext>()
            .UseSqlite($"Data Source={app.DatabasePath}").Options;
        var saved = await CoreServices.Campaigns(new Microsoft.EntityFrameworkCore.Infrastructure.PooledDbContextFactory<BrazeLite.Core.Data.BrazeLiteDbContext>(options),
            TimeProvider.System).SaveAsync(SampleCampaigns.Triggered(name));
        Assert.True(saved.Succeeded, saved.Message);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        await using var admin = await fixture.NewPageAsync(test + "-admin");
        await admin.OpenAsync("/settings/users");
        await admin.Page.GetByLabel("Launches need approval").CheckAsync();
        await Expect(admin.Page.GetByText("Launches and changes to Active campaigns now need an Approver.")).ToBeVisibleAsync();
        try
        {
            await using var marketer = await InviteAndAcceptAsync(admin, "Mia Marketer", $"mia-{tag}@shop.example", "Marketer", test + "-marketer");
            await using var approver = await InviteAndAcceptAsync(admin, "Avery Approver", $"avery-{tag}@shop.example", "Approver", test + "-approver");

            // The Marketer's Launch is a request: the campaign stays a draft.
            var m = marketer.Page;
            await marketer.OpenAsync($"/campaigns/{saved.CampaignId}");
            await Expect(m.GetByRole(AriaRole.Button, new() { Name = "Launch", Exact = true })).ToHaveCountAsync(0);
            await m.GetByRole(AriaRole.Button, new() { Name = "Request approval" }).ClickAsync();
            await Expect(m.GetByText("Launch waits for approval")).ToBeVisibleAsync();
            await Expect(m.GetByText("Draft", new() { Exact = true }).First).ToBeVisibleAsync();
            await marketer.ScreenshotAsync("requested");

            // The Approver finds it under Approvals and approves it.
            var a = approver.Page;
            await a.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Approvals" }).ClickAsync();
            await Expect(a.GetByRole(AriaRole.Heading, new() { Name = "Approvals", Level = 1 })).ToBeVisibleAsync();
            await a.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
            await Expect(a.GetByRole(AriaRole.Heading, new() { Name = $"Launch: {name}" })).ToBeVisibleAsync();
            await Expect(a.GetByText("Asked by Mia Marketer")).ToBeVisibleAsync();
            await a.GetByLabel("Comment").FillAsync("Copy checked");
            await a.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
            await Expect(a.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
            await Expect(a.GetByText("Active", new() { Exact = true }).First).ToBeVisibleAsync();
            var steps = a.GetByRole(AriaRole.Region, new() { Name = "History", Exact = true }).GetByRole(AriaRole.Row);
            await Expect(steps.Nth(1)).ToContainTextAsync("Approved");
            await Expect(steps.Nth(1)).ToContainTextAsync("Avery Approver");
            await Expect(steps.Nth(2)).ToContainTextAsync("Launched");
            await Expect(steps.Nth(3)).ToContainTextAsync("Launch approval requested");
            await Expect(steps.Nth(3)).ToContainTextAsync("Mia Marketer");
            await approver.ScreenshotAsync("approved");
        }
        finally
        {
            await admin.OpenAsync("/settings/users");
            await admin.Page.GetByLabel("Launches need approval").UncheckAsync();
            await Expect(admin.Page.GetByText("Marketers launch and change campaigns themselves again.")).ToBeVisibleAsync();
        }
    }

    [SkippableFact]
    public async Task Viewer_InvitedByTheAdmin_ReadsCampaignsButFindsNoWayToEditThem()
    {
        BrowserRequirement.Require();
        var app = fixture.App!;
        var name = $"Read only {Guid.NewGuid():N}"[..22];
        var campaignId = await SendPathBrowserTests.LaunchCampaignAsync(app.DatabasePath, name);
        var email = $"viewer-{Guid.NewGuid():N}@shop.example";

        // The admin invites a Viewer and copies the link.
        string link;
        await using (var admin = await fixture.NewPageAsync(nameof(Viewer_InvitedByTheAdmin_ReadsCampaignsButFindsNoWayToEditThem) + "-admin"))
        {
            await admin.OpenAsync("/");
            await admin.OpenSettingsAsync("Users and roles");
            var page = admin.Page;
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Users and roles" })).ToBeVisibleAsync();
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Vic Viewer");
            await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
            await page.GetByLabel("Role", new() { Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Viewer" }).ClickAsync();
            // The list closes before the button under it takes a click.
            await Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
            await Expect(page.GetByText("Vic Viewer is invited as Viewer.")).ToBeVisibleAsync();
            link = (await page.GetByLabel("Password link", new() { Exact = true }).InnerTextAsync()).Trim();
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToContainTextAsync("Invited, no password yet");
            await admin.ScreenshotAsync("invited");
        }
        Assert.StartsWith(app.BaseAddress + "account/set-password?account=", link);

        // The Viewer opens the link in a browser with no session, chooses a password and is signed in.
        await using var viewer = await fixture.NewPageAsync(nameof(Viewer_InvitedByTheAdmin_ReadsCampaignsButFindsNoWayToEditThem), signedIn: false);
        var v = viewer.Page;
        await v.GotoAsync(link);
        await v.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await v.GetByLabel("Password again").FillAsync(Password);
        await v.GetByRole(AriaRole.Button, new() { Name = "Set password and sign in" }).ClickAsync();
        await viewer.WaitForInteractiveAsync();
        await Expect(v.GetByRole(AriaRole.Button, new() { Name = "Account: Vic Viewer, Viewer" })).ToBeVisibleAsync();
        await Expect(v.GetByRole(AriaRole.Link, new() { Name = "Create campaign" })).ToHaveCountAsync(0);
        await Expect(v.GetByRole(AriaRole.Button, new() { Name = "Settings" })).ToHaveCountAsync(0);
        await v.GetByRole(AriaRole.Button, new() { Name = $"Actions for {name}" }).ClickAsync();
        await Expect(v.GetByRole(AriaRole.Menuitem)).ToHaveTextAsync(["Open"]);
        await v.Keyboard.PressAsync("Escape");

        // The campaign reads as before, with its IDs to copy, but offers no action.
        await viewer.OpenAsync($"/campaigns/{campaignId}");
        await Expect(v.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(v.GetByLabel("Campaign API identifier", new() { Exact = true })).ToHaveTextAsync(campaignId);
        await Expect(v.GetByRole(AriaRole.Button, new() { Name = "Copy campaign ID" })).ToBeVisibleAsync();
        await Expect(v.GetByRole(AriaRole.Group, new() { Name = "Campaign actions" })).ToHaveCountAsync(0);
        foreach (var action in new[] { "Edit", "Stop", "Duplicate", "Archive", "Launch" })
        {
            await Expect(v.GetByRole(AriaRole.Button, new() { Name = action, Exact = true })).ToHaveCountAsync(0);
            await Expect(v.GetByRole(AriaRole.Link, new() { Name = action, Exact = true })).ToHaveCountAsync(0);
        }
        await Expect(v.GetByText("your role (Viewer) changes nothing")).ToBeVisibleAsync();
        await viewer.ScreenshotAsync("campaign");

        // Typing the editor's address or an admin page's does not open them either.
        await v.GotoAsync($"/campaigns/{campaignId}/edit");
        await Expect(v).ToHaveURLAsync(new Regex("/account/denied"));
        await Expect(v.GetByRole(AriaRole.Heading, new() { Name = "This page is not for your role" })).ToBeVisibleAsync();
        await v.GotoAsync("/settings/users");
        await Expect(v).ToHaveURLAsync(new Regex("/account/denied"));

        // The link worked once.
        await v.GotoAsync(link);
        await Expect(v.GetByText("This link has been used or has expired")).ToBeVisibleAsync();

        // Signing out from the menu ends the session.
        await viewer.OpenAsync("/");
        await v.GetByRole(AriaRole.Button, new() { Name = "Account: Vic Viewer, Viewer" }).ClickAsync();
        await v.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(v.GetByText("You are signed out.")).ToBeVisibleAsync();
        await v.GotoAsync($"/campaigns/{campaignId}");
        await Expect(v).ToHaveURLAsync(new Regex("/account/login"));
        await viewer.SignInAsync(email, Password);
        await Expect(v.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
    }
}
