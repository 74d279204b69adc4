using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests.Browser;

/// <summary>Accounts as people meet them: an invitation link, a role that decides what the pages offer, signing out.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountsBrowserTests(DashboardBrowserFixture fixture)
{
    private const string Password = "viewer passphrase 2026";

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
