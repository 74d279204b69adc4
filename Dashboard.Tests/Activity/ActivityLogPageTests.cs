using Bunit;
using BrazeLite.Core.Ingest;
using BrazeLite.Core.Ingest.Storage;
using Dashboard.Activity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Activity;

/// <summary>The message activity log on a real database: what was decided for each message, and the filters.</summary>
public sealed class ActivityLogPageTests : DashboardTestContext
{
    private readonly ActivitySeed _seed;

    public ActivityLogPageTests()
    {
        _seed = ActivitySeed.CreateAsync(this, Time, Services).GetAwaiter().GetResult();
        RenderPopovers();
    }

    private IRenderedComponent<ActivityLogPage> RenderPage(Action<ComponentParameterCollectionBuilder<ActivityLogPage>>? parameters = null)
    {
        var cut = Render(parameters ?? (_ => { }));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[aria-label='Loading the activity log']")));
        return cut;
    }

    private async Task<string> SeedAnaAsync()
    {
        var at = Time.GetUtcNow();
        var ana = await _seed.UserAsync("ana", "ana@example.com", at);
        var bea = await _seed.UserAsync("bea", "bea@example.com", at);
        await _seed.DispatchAsync(at.AddMinutes(1), bea, "external_user_id:bea", (MessageStatus.Control, "Control group", null, null));
        await _seed.RejectedAsync(at.AddMinutes(2), "The campaign is paused. Resume the campaign in order for trigger requests to take effect.", "stopped at 09:31");
        return await _seed.DispatchAsync(at.AddMinutes(3), ana, "external_user_id:ana",
            (MessageStatus.Accepted, "Variant A", Channel.Email, null),
            (MessageStatus.Skipped, "Variant A", Channel.Sms, "the profile has no phone number"));
    }

    [Fact]
    public void Page_NothingSent_SaysWhatWillAppear()
    {
        var cut = RenderPage();

        Assert.Contains("Nothing has been sent yet", cut.Find("[data-testid=empty-state]").TextContent);
    }

    [Fact]
    public async Task Page_ListsEveryOutcomeNewestFirstWithReasonsAndIds()
    {
        var dispatchId = await SeedAnaAsync();

        var cut = RenderPage();

        var rows = RowsOf(cut, "Message activity");
        Assert.Equal(4, rows.Count);
        Assert.StartsWith("2026-03-02 09:33:00 UTC Skipped Basket reminder Variant A SMS/MMS external_user_id:ana the profile has no phone number", rows[0]);
        Assert.Contains($"dispatch_id {dispatchId}", rows[0]);
        Assert.Contains("send_id autumn", rows[0]);
        Assert.StartsWith("2026-03-02 09:33:00 UTC Accepted Queued Basket reminder Variant A Email external_user_id:ana", rows[1]);
        Assert.Contains("Rejected Basket reminder", rows[2]);
        Assert.Contains("The campaign is paused. Resume the campaign in order for trigger requests to take effect.: stopped at 09:31", rows[2]);
        Assert.Contains("POST /campaigns/trigger/send → 400", rows[2]);
        Assert.Contains("Control Basket reminder Control group", rows[3]);
    }

    [Fact]
    public async Task Filter_ByUserTyped_ShowsOnlyTheirMessages()
    {
        await SeedAnaAsync();
        var cut = RenderPage();

        Type(cut, "User (external ID or email)", "ana@example.com");
        Click(cut, "Show");

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tbody tr").Count));
        Assert.All(cut.FindAll("tbody tr"), r => Assert.Contains("external_user_id:ana", r.TextContent));
    }

    [Fact]
    public async Task Filter_FromTheLink_ByStatusOrDispatch()
    {
        var dispatchId = await SeedAnaAsync();

        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/activity?status=skipped");
        var skipped = RenderPage();
        Assert.Contains("the profile has no phone number", Assert.Single(skipped.FindAll("tbody tr")).TextContent);

        navigation.NavigateTo(ActivityText.Link(dispatchId: dispatchId));
        var dispatch = RenderPage();
        Assert.Equal(2, dispatch.FindAll("tbody tr").Count);
    }

    [Fact]
    public async Task Filter_ToBeforeFrom_SaysSoNextToTheField()
    {
        await SeedAnaAsync();
        var cut = RenderPage();

        Type(cut, "From (UTC)", "2026-03-02T10:00");
        Type(cut, "To (UTC)", "2026-03-02T09:00");
        Click(cut, "Show");

        cut.WaitForAssertion(() => Assert.Equal("“To” must come after “From”.", ErrorUnder(cut, "To (UTC)")));
        Assert.Equal(4, cut.FindAll("tbody tr").Count);
    }

    [Fact]
    public async Task Page_ManyEntries_ShowsFiftyThenOlderOnesOnRequest()
    {
        var at = Time.GetUtcNow();
        var user = await _seed.UserAsync("many", "many@example.com", at);
        for (var i = 0; i < 60; i++)
        {
            await _seed.DispatchAsync(at.AddSeconds(i), user, "external_user_id:many", (MessageStatus.Accepted, "Variant A", Channel.Email, null));
        }
        var cut = RenderPage();
        Assert.Equal(50, cut.FindAll("tbody tr").Count);

        Click(cut, "Show older entries");

        cut.WaitForAssertion(() => Assert.Equal(60, cut.FindAll("tbody tr").Count));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Contains("Show older entries"));
    }

    [Fact]
    public async Task VariantResults_CountsPerVariantAndChannelWithControl()
    {
        var dispatchId = await SeedAnaAsync();
        await _seed.DeliveredAsync(dispatchId, Channel.Email, BrazeLite.Core.Delivery.DeliveryState.Captured, null, Time.GetUtcNow());

        var cut = Render<VariantResults>(p => p.Add(x => x.Campaign, _seed.Campaign));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tbody tr")));
        var rows = cut.FindAll("tbody tr").Select(r => Normalize(r.TextContent)).ToList();
        // Variant, channel, accepted, delivered, captured, failed, aborted, skipped, control
        Assert.Contains("Variant A Email 1 0 1 0 0 0 —", rows);
        Assert.Contains("Variant A SMS/MMS 0 0 0 0 0 1 —", rows);
        Assert.Contains("Variant B Email 0 0 0 0 0 0 —", rows);
        Assert.Contains("Control group — 0 — — — — 0 1", rows);
        Assert.Equal($"/activity?campaign={_seed.Campaign.CampaignId}", cut.Find("a[href^='/activity']").GetAttribute("href"));
    }

    [Fact]
    public async Task BroadcastsPanel_ShowsEachBroadcastsProgressRunningFirst()
    {
        var at = Time.GetUtcNow();
        var done = await _seed.DispatchAsync(at, null, "broadcast");
        var running = await _seed.DispatchAsync(at.AddMinutes(1), null, "broadcast");
        await _seed.Database.InsertAsync([
            new BroadcastEntity { DispatchId = done, Kind = DispatchKind.TriggerSend, CampaignRowId = _seed.CampaignRowId, Status = BroadcastStatus.Completed, Total = 10, Processed = 10, Reached = 8, StartedAt = at, FinishedAt = at },
            new BroadcastEntity { DispatchId = running, Kind = DispatchKind.TriggerSend, CampaignRowId = _seed.CampaignRowId, Status = BroadcastStatus.Running, Total = 10, Processed = 3, Reached = 3, StartedAt = at.AddMinutes(1) },
        ]);

        var cut = Render<BroadcastsPanel>(p => p.Add(x => x.CampaignId, _seed.Campaign.CampaignId).Add(x => x.RefreshEvery, TimeSpan.FromHours(1)));

        cut.WaitForAssertion(() => Assert.Equal(2, RowsOf(cut, "Broadcasts").Count));
        var rows = RowsOf(cut, "Broadcasts");
        Assert.StartsWith("2026-03-02 09:31:00 UTC Running 3 of 10 users 3", rows[0]);
        Assert.StartsWith("2026-03-02 09:30:00 UTC Completed 10 of 10 users 8", rows[1]);
        Assert.Contains($"dispatch_id {running}", rows[0]);
    }
}
