using Bunit;
using BrazeLite.Core.Accounts;
using Dashboard.Campaigns;
using Dashboard.Components.Layout;
using MudBlazor;

namespace Dashboard.Tests.Accounts;

/// <summary>What each role is offered on the pages; the services refuse the rest anyway (RoleAccessTests).</summary>
public sealed class PagesByRoleTests : DashboardTestContext
{
    private static readonly string[] EditActions = ["Edit", "Duplicate", "Delete", "Launch", "Request approval"];

    private IReadOnlyList<string> ActionsOnDetails(Actor actor, bool mustAsk = false)
    {
        SignInAs(actor);
        Approvals.MustAsk = mustAsk;
        var campaign = Campaigns.Add(PageSamples.Api());
        var cut = Render<CampaignDetailsPage>(p => p.Add(c => c.CampaignId, campaign.CampaignId!));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("h1")));
        return cut.FindAll("button, a").Select(b => b.TextContent.Trim()).Where(EditActions.Contains).ToList();
    }

    [Fact]
    public void DraftPage_AsAdminApproverOrMarketer_OffersLaunchAndEditing()
    {
        foreach (var actor in new[] { TestActors.Admin, TestActors.Approver, TestActors.Marketer })
        {
            Assert.Equal(["Launch", "Edit", "Duplicate", "Delete"], ActionsOnDetails(actor));
        }
    }

    [Fact]
    public void DraftPage_AsViewer_OffersNoActionAndSaysWhy()
    {
        Assert.Empty(ActionsOnDetails(TestActors.Viewer));
    }

    [Fact]
    public void DraftPage_AsMarketerWhereLaunchesNeedApproval_OffersRequestApprovalInsteadOfLaunch()
    {
        Assert.Equal(["Request approval", "Edit", "Duplicate", "Delete"], ActionsOnDetails(TestActors.Marketer, mustAsk: true));
    }

    [Theory]
    [InlineData(Roles.Admin, true, true)]
    [InlineData(Roles.Approver, false, true)]
    [InlineData(Roles.Marketer, false, true)]
    [InlineData(Roles.Viewer, false, false)]
    public void Layout_ByRole_ShowsSettingsToAdminsAndCreateCampaignToEditors(string role, bool settings, bool create)
    {
        SignInAs(TestActors.ByRole(role));

        var cut = Render<MainLayout>();

        Assert.Equal(settings, cut.FindAll("button").Any(b => b.TextContent.Trim() == "Settings"));
        Assert.Equal(create, cut.FindAll("a").Any(a => a.TextContent.Trim() == "Create campaign"));
        Assert.Contains($"Account: {TestActors.ByRole(role).Name}, {role}", cut.Markup);
    }
}
