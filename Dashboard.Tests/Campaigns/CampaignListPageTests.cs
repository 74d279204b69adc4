using Microsoft.Extensions.DependencyInjection;
using AngleSharp.Dom;
using Bunit;
using Dashboard.Campaigns;
using MudBlazor;

namespace Dashboard.Tests.Campaigns;

public class CampaignListPageTests : DashboardTestContext
{
    private static readonly TimeSpan SearchPause = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void CampaignList_WithCampaigns_ShowsARowPerCampaignWithItsDetailsAndCopyButton()
    {
        var api = Campaigns.Add(PageSamples.Api());
        var triggered = Campaigns.Add(PageSamples.Triggered(status: CampaignStatus.Active));

        var cut = Render<CampaignListPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, CampaignRows(cut).Count));
        var apiRow = RowOf(cut, "Order receipts");
        Assert.Contains("API", apiRow.TextContent);
        Assert.Contains("Draft", apiRow.TextContent);
        Assert.Contains("Email, SMS/MMS", apiRow.TextContent);
        Assert.Equal($"/campaigns/{api.CampaignId}", apiRow.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(apiRow.QuerySelector("button[aria-label='Copy campaign ID']"));
        var triggeredRow = RowOf(cut, "Cart reminder");
        Assert.Contains("API-triggered", triggeredRow.TextContent);
        Assert.Contains("Active", triggeredRow.TextContent);
        Assert.Equal($"/campaigns/{triggered.CampaignId}", triggeredRow.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=empty-state]"));
    }

    [Fact]
    public void CampaignList_Tags_ShowAsChipsAndAChipFiltersTheList()
    {
        Campaigns.Add(PageSamples.Api());
        var other = PageSamples.Triggered(status: CampaignStatus.Active);
        other.Tags = ["retention"];
        Campaigns.Add(other);
        var cut = Render<CampaignListPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, CampaignRows(cut).Count));

        Assert.Equal(["orders", "receipts"], RowOf(cut, "Order receipts").QuerySelectorAll("[aria-label='Tags of Order receipts'] .mud-chip").Select(c => c.TextContent.Trim()));
        cut.Find("[aria-label='Show campaigns tagged retention']").Click();

        cut.WaitForAssertion(() => Assert.Equal("Cart reminder", Assert.Single(CampaignRows(cut)).QuerySelector("a")!.TextContent));
        Assert.Equal("retention", Campaigns.Queries[^1].Tag);
    }

    [Fact]
    public void CampaignList_SearchText_MatchesATag()
    {
        Campaigns.Add(PageSamples.Api());
        Campaigns.Add(PageSamples.Triggered(status: CampaignStatus.Active));
        var cut = Render<CampaignListPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, CampaignRows(cut).Count));

        cut.Find("input[type=text]").Input("receipts");

        AfterThePause(cut, () => Assert.Equal("receipts", Campaigns.LastQuery?.Search), SearchPause);
        cut.WaitForAssertion(() => Assert.Equal("Order receipts", Assert.Single(CampaignRows(cut)).QuerySelector("a")!.TextContent));
    }

    [Fact]
    public void CampaignList_CopyButton_PutsTheRowsCampaignIdOnTheClipboard()
    {
        var api = Campaigns.Add(PageSamples.Api());
        var cut = Render<CampaignListPage>();
        cut.WaitForAssertion(() => Assert.Single(CampaignRows(cut)));

        cut.Find("button[aria-label='Copy campaign ID']").Click();

        var call = Assert.Single(JSInterop.Invocations, i => i.Identifier == "navigator.clipboard.writeText");
        Assert.Equal(api.CampaignId, call.Arguments[0]);
    }

    [Fact]
    public void CampaignList_NoCampaignsAtAll_ExplainsBothTypesAndOffersCreateCampaign()
    {
        var cut = Render<CampaignListPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=empty-state]")));
        var empty = cut.Find("[data-testid=empty-state]");
        Assert.Contains("API campaign", empty.TextContent);
        Assert.Contains("POST /messages/send", empty.TextContent);
        Assert.Contains("API-triggered campaign", empty.TextContent);
        Assert.Contains("POST /campaigns/trigger/send", empty.TextContent);
        var create = empty.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Create campaign"));
        Assert.Equal("/campaigns/new", create.GetAttribute("href"));
        Assert.Empty(cut.FindAll("table"));
    }

    [Fact]
    public void CampaignList_SearchMatchingNothing_SaysNoMatchesRatherThanFirstTimeHelp()
    {
        Campaigns.Add(PageSamples.Api());
        var cut = Render<CampaignListPage>();
        cut.WaitForAssertion(() => Assert.Single(CampaignRows(cut)));

        cut.Find("input[type=text]").Input("no such campaign");

        // The search waits for a pause in typing: MudBlazor debounces on the injected clock.
        AfterThePause(cut, () => Assert.Contains("No campaigns match", cut.Find("tbody").TextContent), SearchPause);
        Assert.Empty(cut.FindAll("[data-testid=empty-state]"));
    }

    [Fact]
    public void CampaignList_TypingInSearch_PassesTheTrimmedTextToTheService()
    {
        var api = Campaigns.Add(PageSamples.Api());
        Campaigns.Add(PageSamples.Triggered());
        var cut = Render<CampaignListPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, CampaignRows(cut).Count));

        cut.Find("input[type=text]").Input($"  {api.CampaignId![..8]} ");

        // The search waits for a pause in typing: MudBlazor debounces on the injected clock.
        AfterThePause(cut, () => Assert.Equal(api.CampaignId[..8], Campaigns.LastQuery?.Search), SearchPause);
        cut.WaitForAssertion(() => Assert.Single(CampaignRows(cut)));
        Assert.Contains("Order receipts", CampaignRows(cut).Single().TextContent);
    }

    [Fact]
    public void CampaignList_ChoosingAStatus_PassesTheStatusFilterToTheService()
    {
        Campaigns.Add(PageSamples.Api());
        Campaigns.Add(PageSamples.Triggered(status: CampaignStatus.Active));
        var popovers = RenderPopovers();
        var cut = Render<CampaignListPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, CampaignRows(cut).Count));

        Choose(cut, "Status", "Active");

        cut.WaitForAssertion(() => Assert.Equal(CampaignStatus.Active, Campaigns.LastQuery?.Status));
        cut.WaitForAssertion(() => Assert.Single(CampaignRows(cut)));
        Assert.Contains("Cart reminder", CampaignRows(cut).Single().TextContent);
    }

    [Fact]
    public void CampaignList_ChoosingAType_PassesTheTypeFilterToTheService()
    {
        Campaigns.Add(PageSamples.Api());
        Campaigns.Add(PageSamples.Triggered());
        var popovers = RenderPopovers();
        var cut = Render<CampaignListPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, CampaignRows(cut).Count));

        Choose(cut, "Type", "API-triggered");

        cut.WaitForAssertion(() => Assert.Equal(CampaignType.ApiTriggered, Campaigns.LastQuery?.Type));
        cut.WaitForAssertion(() => Assert.Single(CampaignRows(cut)));
        Assert.Contains("Cart reminder", CampaignRows(cut).Single().TextContent);
    }

    [Fact]
    public void CampaignList_ArchivedCampaign_IsHiddenUntilShowArchivedIsOn()
    {
        Campaigns.Add(PageSamples.Api());
        Campaigns.Add(PageSamples.Triggered(status: CampaignStatus.Archived));
        var cut = Render<CampaignListPage>();
        cut.WaitForAssertion(() => Assert.Single(CampaignRows(cut)));

        cut.FindAll("label").Single(l => l.TextContent.Contains("Show archived")).QuerySelector("input")!.Change(true);

        cut.WaitForAssertion(() => Assert.Equal(2, CampaignRows(cut).Count));
        Assert.Contains("archived=true", CurrentUri);
    }

    [Fact]
    public void CampaignList_FiltersInTheAddress_AreAppliedOnOpening()
    {
        Campaigns.Add(PageSamples.Api());
        Campaigns.Add(PageSamples.Triggered(status: CampaignStatus.Active));

        NavigateTo("/?status=Active&q=cart");
        var cut = Render<CampaignListPage>();

        cut.WaitForAssertion(() => Assert.Equal("Cart reminder", Assert.Single(CampaignRows(cut)).QuerySelector("a")!.TextContent));
        Assert.Equal((CampaignStatus.Active, "cart"), (Campaigns.LastQuery!.Status, Campaigns.LastQuery.Search));
    }

    [Fact]
    public void CampaignList_SlowFirstLoad_ShowsSkeletonRowsAndNoEmptyPager()
    {
        Campaigns.Add(PageSamples.Api());
        var slow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Campaigns.ListGate = slow;

        var cut = Render<CampaignListPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[aria-label='Loading campaigns']")));
        Assert.DoesNotContain("0-0 of 0", cut.Markup);
        Assert.DoesNotContain("Loading campaigns…", cut.Markup);
        slow.SetResult();
        cut.WaitForAssertion(() => Assert.Single(CampaignRows(cut)));
        Assert.Empty(cut.FindAll("[aria-label='Loading campaigns']"));
    }

    [Fact]
    public void CampaignList_PageInTheAddress_OpensThatPage()
    {
        for (var i = 0; i < 30; i++)
        {
            Campaigns.Add(PageSamples.Api($"Receipts {i:00}"));
        }
        NavigateTo("/?page=1");

        var cut = Render<CampaignListPage>();

        cut.WaitForAssertion(() => Assert.Equal(5, CampaignRows(cut).Count));
        Assert.Equal(1, Campaigns.LastQuery!.Page);
    }

    [Fact]
    public void CampaignList_ChoosingAFilter_KeepsItInTheAddress()
    {
        Campaigns.Add(PageSamples.Api());
        var popovers = RenderPopovers();
        var cut = Render<CampaignListPage>();
        cut.WaitForAssertion(() => Assert.Single(CampaignRows(cut)));

        Choose(cut, "Type", "API");

        cut.WaitForAssertion(() => Assert.Contains("type=Api", CurrentUri));
    }

    [Fact]
    public void CampaignList_ClickingTheStatusHeader_SortsByStatusInTheService()
    {
        Campaigns.Add(PageSamples.Api());
        var cut = Render<CampaignListPage>();
        cut.WaitForAssertion(() => Assert.Single(CampaignRows(cut)));

        cut.FindAll("th span").First(l => l.TextContent.Trim() == "Status").Click();

        cut.WaitForAssertion(() => Assert.Equal(CampaignSort.StatusAsc, Campaigns.LastQuery?.Sort));
    }

    [Fact]
    public void CampaignList_FirstLoad_AsksForNewestFirstOnePageAtATime()
    {
        var cut = Render<CampaignListPage>();

        cut.WaitForAssertion(() => Assert.NotNull(Campaigns.LastQuery));
        Assert.Equal(new CampaignQuery(Sort: CampaignSort.LastEditedDesc, Page: 0, PageSize: 25, IncludeArchived: false), Campaigns.Queries[0]);
    }

    [Fact]
    public void CampaignList_OnlyArchivedCampaigns_KeepsTheListToOfferShowArchived()
    {
        var archived = PageSamples.Api();
        archived.Status = CampaignStatus.Archived;
        Campaigns.Add(archived);

        var cut = Render<CampaignListPage>();

        cut.WaitForAssertion(() => Assert.Contains("Archived campaigns are hidden", cut.Markup));
        Assert.Empty(cut.FindAll("[data-testid=empty-state]"));
        Assert.Contains(cut.FindAll("label"), l => l.TextContent.Contains("Show archived"));
    }

    [Fact]
    public void CampaignList_ClickingNameHeader_SortsByNameInTheService()
    {
        Campaigns.Add(PageSamples.Api());
        var cut = Render<CampaignListPage>();
        cut.WaitForAssertion(() => Assert.Single(CampaignRows(cut)));

        cut.FindAll("th span").First(l => l.TextContent.Trim() == "Name").Click();

        cut.WaitForAssertion(() => Assert.Equal(CampaignSort.NameAsc, Campaigns.LastQuery?.Sort));
    }

    [Theory]
    [InlineData("name", SortDirection.Ascending, CampaignSort.NameAsc)]
    [InlineData("name", SortDirection.Descending, CampaignSort.NameDesc)]
    [InlineData("lastEdited", SortDirection.Ascending, CampaignSort.LastEditedAsc)]
    [InlineData("lastEdited", SortDirection.Descending, CampaignSort.LastEditedDesc)]
    [InlineData(null, SortDirection.None, CampaignSort.LastEditedDesc)]
    public void QueryFor_TableSortAndPage_MapsToTheServiceQuery(string? label, SortDirection direction, CampaignSort expected)
    {
        var state = new TableState { SortLabel = label, SortDirection = direction, Page = 3, PageSize = 50 };

        var query = CampaignListPage.QueryFor(state, "  spring ", CampaignType.Api, CampaignStatus.Stopped);

        Assert.Equal(new CampaignQuery("spring", CampaignType.Api, CampaignStatus.Stopped, expected, 3, 50), query);
    }

    [Fact]
    public void CampaignList_RowMenuOfADraft_OffersLaunchArchiveAndDeleteButNotStopOrResume()
    {
        Campaigns.Add(PageSamples.Api(status: CampaignStatus.Draft));
        var popovers = RenderPopovers();
        var cut = Render<CampaignListPage>();
        cut.WaitForAssertion(() => Assert.Single(CampaignRows(cut)));

        var items = OpenRowMenu(cut, popovers, "Order receipts");

        Assert.Equal(["Open", "Edit", "Launch", "Archive", "Duplicate", "Delete"], items);
    }

    [Fact]
    public void CampaignList_RowMenuOfAnActiveCampaign_OffersStopAndArchiveButNotLaunchOrDelete()
    {
        Campaigns.Add(PageSamples.Triggered(status: CampaignStatus.Active));
        var popovers = RenderPopovers();
        var cut = Render<CampaignListPage>();
        cut.WaitForAssertion(() => Assert.Single(CampaignRows(cut)));

        var items = OpenRowMenu(cut, popovers, "Cart reminder");

        Assert.Equal(["Open", "Edit", "Stop", "Archive", "Duplicate"], items);
    }

    [Fact]
    public void CampaignList_RowMenuOfAnArchivedCampaign_OffersOnlyUnarchiveAndDuplicate()
    {
        Campaigns.Add(PageSamples.Triggered(status: CampaignStatus.Archived));
        var popovers = RenderPopovers();
        NavigateTo("/?archived=true");
        var cut = Render<CampaignListPage>();
        cut.WaitForAssertion(() => Assert.Single(CampaignRows(cut)));

        var items = OpenRowMenu(cut, popovers, "Cart reminder");

        Assert.Equal(["Open", "Unarchive", "Duplicate"], items);
    }

    [Fact]
    public void CampaignList_StopFromRowMenu_StopsTheCampaignAndShowsTheNewStatus()
    {
        var campaign = Campaigns.Add(PageSamples.Triggered(status: CampaignStatus.Active));
        var popovers = RenderPopovers();
        var dialogs = RenderDialogs();
        var cut = Render<CampaignListPage>();
        cut.WaitForAssertion(() => Assert.Single(CampaignRows(cut)));
        OpenRowMenu(cut, popovers, "Cart reminder");

        popovers.FindAll("[role=menuitem]").Single(i => i.TextContent.Trim() == "Stop").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("every trigger and send naming this campaign is refused", DialogText(dialogs)));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Stop campaign").Click();

        cut.WaitForAssertion(() => Assert.Contains("Stopped", CampaignRows(cut).Single().TextContent));
        var change = Assert.Single(Campaigns.StatusChanges);
        Assert.Equal((campaign.CampaignId!, CampaignAction.Stop), (change.CampaignId, change.Action));
    }

    [Fact]
    public void CampaignList_DeleteFromRowMenu_AsksFirstAndDeletesOnlyWhenConfirmed()
    {
        var campaign = Campaigns.Add(PageSamples.Api());
        var popovers = RenderPopovers();
        var dialogs = RenderDialogs();
        var cut = Render<CampaignListPage>();
        cut.WaitForAssertion(() => Assert.Single(CampaignRows(cut)));
        OpenRowMenu(cut, popovers, "Order receipts");

        popovers.FindAll("[role=menuitem]").Single(i => i.TextContent.Trim() == "Delete").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Delete this draft?", DialogText(dialogs)));
        Assert.Empty(Campaigns.Deleted);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();
        cut.WaitForAssertion(() => Assert.Equal([campaign.CampaignId!], Campaigns.Deleted));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=empty-state]")));
    }

    [Fact]
    public void CampaignList_LaunchRefusedAsInvalid_TellsWhyInANotice()
    {
        Campaigns.Add(PageSamples.Triggered());
        var errors = new ValidationErrors();
        errors.Add(CampaignFields.Percentages, "The percentages add up to 90%; they must add up to exactly 100%.");
        Campaigns.NextRefusal = WriteResult.Invalid(errors);
        var popovers = RenderPopovers();
        var snackbars = Render<MudSnackbarProvider>();
        var cut = Render<CampaignListPage>();
        cut.WaitForAssertion(() => Assert.Single(CampaignRows(cut)));
        OpenRowMenu(cut, popovers, "Cart reminder");

        popovers.FindAll("[role=menuitem]").Single(i => i.TextContent.Trim() == "Launch").Click();

        snackbars.WaitForAssertion(() => Assert.Contains(
            "Launch refused for Cart reminder: The percentages add up to 90%; they must add up to exactly 100%.", TextOf(snackbars)));
        Assert.Contains("Draft", CampaignRows(cut).Single().TextContent);
    }

    [Fact]
    public void CampaignList_DuplicateFromRowMenu_OpensTheCopy()
    {
        var campaign = Campaigns.Add(PageSamples.Api());
        var popovers = RenderPopovers();
        var cut = Render<CampaignListPage>();
        cut.WaitForAssertion(() => Assert.Single(CampaignRows(cut)));
        OpenRowMenu(cut, popovers, "Order receipts");

        popovers.FindAll("[role=menuitem]").Single(i => i.TextContent.Trim() == "Duplicate").Click();

        cut.WaitForAssertion(() => Assert.Matches("/campaigns/[0-9a-f-]{36}$", CurrentUri));
        Assert.DoesNotContain(campaign.CampaignId!, CurrentUri);
    }

    [Fact]
    public void CampaignList_SearchTypedWhileAFilterIsLoading_ShowsTheLatestResultWithoutFailing()
    {
        Campaigns.Add(PageSamples.Api());
        Campaigns.Add(PageSamples.Triggered(status: CampaignStatus.Active));
        Campaigns.Add(PageSamples.Triggered(name: "Cart reminder B", status: CampaignStatus.Stopped));
        var popovers = RenderPopovers();
        var cut = Render<CampaignListPage>();
        cut.WaitForAssertion(() => Assert.Equal(3, CampaignRows(cut).Count));
        var slow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Campaigns.ListGate = slow;

        Choose(cut, "Status", "Active");
        cut.WaitForAssertion(() => Assert.Equal(CampaignStatus.Active, Campaigns.LastQuery?.Status));
        cut.Find("input[type=text]").Input("cart");

        // The search waits for a pause in typing: MudBlazor debounces on the injected clock.
        AfterThePause(cut, () => Assert.Equal("cart", Campaigns.LastQuery?.Search), SearchPause);
        slow.SetResult();

        cut.WaitForAssertion(() => Assert.Single(CampaignRows(cut)));
        Assert.Contains("Cart reminder", CampaignRows(cut).Single().TextContent);
        Assert.False(Renderer.UnhandledException.IsCompleted, "A cancelled load reached the renderer as an unhandled exception.");
    }

    private void NavigateTo(string uri) => Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(uri);

    // A campaign's row is the one that links to the campaign.
    private static List<IElement> CampaignRows(IRenderedComponent<CampaignListPage> cut) =>
        cut.FindAll("tbody tr").Where(r => r.QuerySelector("a[href^='/campaigns/']") is not null).ToList();

    private static IElement RowOf(IRenderedComponent<CampaignListPage> cut, string name) =>
        CampaignRows(cut).Single(r => r.TextContent.Contains(name));

    private static List<string> OpenRowMenu(IRenderedComponent<CampaignListPage> cut, IRenderedComponent<MudPopoverProvider> popovers, string name)
    {
        RowOf(cut, name).QuerySelector($"button[aria-label='Actions for {name}']")!.Click();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll("[role=menuitem]")));
        return popovers.FindAll("[role=menuitem]").Select(i => i.TextContent.Trim()).ToList();
    }

    private void Choose(IRenderedComponent<CampaignListPage> cut, string label, string option) =>
        Choose(cut.Find($"input[role=combobox][aria-label='{label}']"), option);
}
