using Bunit;
using Dashboard.Campaigns;
using Dashboard.Campaigns.Editor;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Campaigns.Editor;

public class CampaignEditorPageTests : DashboardTestContext
{
    private IRenderedComponent<CampaignEditorPage> RenderPage(string uri, string? campaignId = null)
    {
        Render<MudPopoverProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        return Render<CampaignEditorPage>(p => p.Add(x => x.CampaignId, campaignId));
    }

    [Theory]
    [InlineData("/campaigns/new/api", "New API campaign", 4)]
    [InlineData("/campaigns/new/api-triggered", "New API-triggered campaign", 6)]
    public void NewRoute_StartsAnEmptyCampaignOfThatType(string uri, string heading, int steps)
    {
        var cut = RenderPage(uri);

        Assert.Equal(heading, cut.Find("h1").TextContent.Trim());
        Assert.Equal(steps, cut.FindAll("button[role=tab]").Count);
    }

    [Fact]
    public void EditRoute_ArchivedCampaign_IsReadOnlyAndUnarchiveOpensTheEditor()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        form.CampaignId = "6a1c2e9b-0d4f-4a8e-9b7c-1e2f3a4b5c6e";
        form.Version = Guid.NewGuid();
        form.Status = CampaignStatus.Archived;
        Campaigns.Add(form);

        var cut = RenderPage($"/campaigns/{form.CampaignId}/edit", form.CampaignId);

        cut.WaitForAssertion(() => Assert.Contains("read-only", cut.Find("[role=status]").TextContent));
        Assert.Empty(cut.FindAll("input, textarea"));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Contains("Save"));
        Click(cut, "Unarchive and edit");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("button[role=tab]")));
        Assert.Equal((form.CampaignId, CampaignAction.Unarchive), (Campaigns.StatusChanges.Single().CampaignId, Campaigns.StatusChanges.Single().Action));
        Assert.Equal("Order shipped", Field(cut, "Name").GetAttribute("value"));
    }

    [Fact]
    public void EditRoute_StoredCampaign_LoadsItIntoTheEditor()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        form.CampaignId = "6a1c2e9b-0d4f-4a8e-9b7c-1e2f3a4b5c6d";
        form.Version = Guid.NewGuid();
        Campaigns.Add(form);

        var cut = RenderPage($"/campaigns/{form.CampaignId}/edit", form.CampaignId);

        cut.WaitForAssertion(() => Assert.Equal("Edit Order shipped", cut.Find("h1").TextContent.Trim()));
        Assert.Equal(form.CampaignId, cut.Find("code[aria-label='Campaign API identifier']").TextContent);
        Assert.Equal("Order shipped", cut.FindAll("label").Where(l => l.TextContent.Trim() == "Name")
            .Select(l => cut.Find($"#{l.GetAttribute("for")}").GetAttribute("value")).Single());
        Assert.Equal(6, cut.FindAll("button[role=tab]").Count);
    }

    [Fact]
    public void EditRoute_UnknownCampaign_SaysSo()
    {
        var cut = RenderPage("/campaigns/1d0d3a52-5c1e-4f43-9d3f-1f2d3c4b5a69/edit", "1d0d3a52-5c1e-4f43-9d3f-1f2d3c4b5a69");

        cut.WaitForAssertion(() => NoticeSaying(cut, "No campaign has the ID 1d0d3a52-5c1e-4f43-9d3f-1f2d3c4b5a69."));
        Assert.Empty(cut.FindAll("button[role=tab]"));
    }

    [Fact]
    public async Task NewRoute_SwitchingType_StartsAFreshFormWithoutTheOldMessages()
    {
        var cut = RenderPage("/campaigns/new/api");
        var nav = Services.GetRequiredService<NavigationManager>();
        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save draft").Click());
        cut.WaitForAssertion(() => Assert.Equal("Give the campaign a name.", ErrorUnder(cut, "Name")));

        await cut.InvokeAsync(() => nav.NavigateTo("/campaigns/new/api-triggered"));
        cut.Render();

        cut.WaitForAssertion(() => Assert.Equal("New API-triggered campaign", cut.Find("h1").TextContent.Trim()));
        Assert.Equal(6, cut.FindAll("button[role=tab]").Count);
        Assert.Null(ErrorUnder(cut, "Name"));
    }
}
