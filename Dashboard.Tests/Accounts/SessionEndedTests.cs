using System.Text.Json;
using Bunit;
using Dashboard.Accounts;
using Dashboard.Campaigns.Editor;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Accounts;

/// <summary>A session that ends under an open editor: the page stays, asks to sign in again, and gets its typing back.</summary>
public sealed class SessionEndedTests : DashboardTestContext
{
    private const string CampaignId = "6a1c2e9b-0d4f-4a8e-9b7c-1e2f3a4b5c70";

    private CampaignForm Stored()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        form.CampaignId = CampaignId;
        form.Version = Guid.NewGuid();
        Campaigns.Add(form);
        return form;
    }

    [Fact]
    public void SessionEnds_TheNoticeStashesTheTypedFormAndSendsToSignInComingBack()
    {
        Stored();
        Render<MudPopoverProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/campaigns/{CampaignId}/edit");
        var editor = Render<CampaignEditorPage>(p => p.Add(x => x.CampaignId, CampaignId));
        editor.WaitForAssertion(() => Assert.Equal("Order shipped", Field(editor, "Name").GetAttribute("value")));
        Type(editor, "Name", "Order shipped, typed before the session ended");
        var notice = Render<SessionEndedNotice>();
        Assert.Empty(notice.FindAll("[role=alertdialog]"));

        Account.EndSession();

        notice.WaitForAssertion(() => Assert.Contains("Your session has ended", notice.Find("[role=alertdialog]").TextContent));
        Assert.Null(Account.Actor);
        notice.Find("[role=alertdialog] button").Click();
        notice.WaitForAssertion(() => Assert.Contains("/account/login", CurrentUri));
        var stash = JSInterop.Invocations["sessionStorage.setItem"].Single();
        Assert.Equal($"brazelite-unsaved:/campaigns/{CampaignId}/edit", stash.Arguments[0]);
        Assert.Equal("Order shipped, typed before the session ended", JsonSerializer.Deserialize<CampaignForm>((string)stash.Arguments[1]!)!.Name);
        Assert.EndsWith($"/account/login?returnUrl={Uri.EscapeDataString($"/campaigns/{CampaignId}/edit")}", CurrentUri);
    }

    [Fact]
    public void SignedInAgain_TheEditorOpensWithTheStashedFormAndSaysItIsNotSavedYet()
    {
        var stored = Stored();
        var typed = JsonSerializer.Deserialize<CampaignForm>(JsonSerializer.Serialize(stored))!;
        typed.Name = "What I had typed";
        JSInterop.Setup<string?>("sessionStorage.getItem", $"brazelite-unsaved:/campaigns/{CampaignId}/edit").SetResult(JsonSerializer.Serialize(typed));
        Render<MudPopoverProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/campaigns/{CampaignId}/edit");

        var editor = Render<CampaignEditorPage>(p => p.Add(x => x.CampaignId, CampaignId));

        editor.WaitForAssertion(() => Assert.Equal("What I had typed", Field(editor, "Name").GetAttribute("value")));
        Assert.Contains("It is not saved yet", editor.Find("[role=status]").TextContent);
        Assert.Single(JSInterop.Invocations["sessionStorage.removeItem"]);
        Assert.Empty(Campaigns.Saved);
    }

    [Fact]
    public void SessionRunsOut_TheNoticeSaysHowLongASessionLasts()
    {
        var notice = Render<SessionEndedNotice>();

        Account.EndSession(ranOut: true);

        notice.WaitForAssertion(() => Assert.Contains($"A session lasts {AccountsSetup.SessionHours} hours from the last page you opened, and yours ran out.",
            notice.Find("[role=alertdialog]").TextContent));
        Assert.DoesNotContain("another device", notice.Find("[role=alertdialog]").TextContent);
    }
}
