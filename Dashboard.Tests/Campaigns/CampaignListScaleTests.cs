using System.Diagnostics;
using Dashboard.Campaigns;
using BrazeLite.Core.Campaigns.Storage;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Dashboard.Tests.Campaigns;

/// <summary>10,000 campaigns inserted once for the whole class; the tests only read.</summary>
public sealed class TenThousandCampaigns : IAsyncLifetime
{
    public const int Count = 10_000;
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public SqliteTestDatabase Database { get; private set; } = null!;
    public TimeSpan InsertTime { get; private set; }

    public static string NameOf(int i) => $"Campaign {i:D5}";

    // Every third campaign is API-triggered; statuses cycle Draft, Active, Stopped, Archived.
    public static CampaignType TypeOf(int i) => i % 3 == 0 ? CampaignType.ApiTriggered : CampaignType.Api;
    public static CampaignStatus StatusOf(int i) => (CampaignStatus)(i % 4);

    public async Task InitializeAsync()
    {
        Database = await SqliteTestDatabase.CreateAsync();
        var watch = Stopwatch.StartNew();
        await Database.InsertAsync(Enumerable.Range(1, Count).Select(i => new CampaignEntity
        {
            CampaignId = Ids.NewId(),
            Name = NameOf(i),
            NormalizedName = NameOf(i).ToLowerInvariant(),
            Type = TypeOf(i),
            Status = StatusOf(i),
            Channels = i % 2 == 0 ? """["Email","Sms"]""" : """["Webhook"]""",
            CreatedAt = Start,
            UpdatedAt = Start.AddMinutes(i),
            Version = Guid.NewGuid(),
        }));
        InsertTime = watch.Elapsed;
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

public sealed class CampaignListScaleTests(TenThousandCampaigns data, ITestOutputHelper output) : IClassFixture<TenThousandCampaigns>
{
    private readonly CampaignService _service = CoreServices.Campaigns(data.Database, TimeProvider.System);

    private async Task<CampaignPage> ListAsync(CampaignQuery query)
    {
        var watch = Stopwatch.StartNew();
        var page = await _service.ListAsync(query);
        output.WriteLine($"{query} took {watch.Elapsed.TotalMilliseconds:F1} ms (insert of {TenThousandCampaigns.Count}: {data.InsertTime.TotalMilliseconds:F0} ms)");
        return page;
    }

    [Fact]
    public async Task List_FirstPage_ShowsNewestTwentyFiveAndTotal()
    {
        var page = await ListAsync(new CampaignQuery());

        Assert.Equal(TenThousandCampaigns.Count, page.TotalCount);
        Assert.Equal(Enumerable.Range(9976, 25).Reverse().Select(TenThousandCampaigns.NameOf), page.Items.Select(i => i.Name));
        Assert.Equal([Channel.Email, Channel.Sms], page.Items[0].Channels);
        Assert.Equal([Channel.Webhook], page.Items[1].Channels);
        Assert.Equal(TenThousandCampaigns.Start.AddMinutes(10_000), page.Items[0].LastEdited);
    }

    [Fact]
    public async Task List_MiddleAndLastPages_AreSlicedByTheDatabase()
    {
        var middle = await ListAsync(new CampaignQuery(Sort: CampaignSort.NameAsc, Page: 100, PageSize: 50));
        var last = await ListAsync(new CampaignQuery(Sort: CampaignSort.LastEditedAsc, Page: 399));
        var beyond = await ListAsync(new CampaignQuery(Page: 400));

        Assert.Equal(Enumerable.Range(5001, 50).Select(TenThousandCampaigns.NameOf), middle.Items.Select(i => i.Name));
        Assert.Equal(Enumerable.Range(9976, 25).Select(TenThousandCampaigns.NameOf), last.Items.Select(i => i.Name));
        Assert.Empty(beyond.Items);
        Assert.Equal(TenThousandCampaigns.Count, beyond.TotalCount);
    }

    [Fact]
    public async Task List_FilterByTypeAndStatus_CountsAndPagesTheMatches()
    {
        var expected = Enumerable.Range(1, TenThousandCampaigns.Count)
            .Where(i => TenThousandCampaigns.TypeOf(i) == CampaignType.ApiTriggered && TenThousandCampaigns.StatusOf(i) == CampaignStatus.Active)
            .OrderByDescending(i => i)
            .ToList();

        var page = await ListAsync(new CampaignQuery(Type: CampaignType.ApiTriggered, Status: CampaignStatus.Active, Page: 1, PageSize: 10));

        Assert.Equal(expected.Count, page.TotalCount);
        Assert.Equal(expected.Skip(10).Take(10).Select(TenThousandCampaigns.NameOf), page.Items.Select(i => i.Name));
        Assert.All(page.Items, i => Assert.Equal((CampaignType.ApiTriggered, CampaignStatus.Active), (i.Type, i.Status)));
    }

    [Fact]
    public async Task List_SearchByName_FindsTheTenMatches()
    {
        var page = await ListAsync(new CampaignQuery(Search: "CAMPAIGN 0999", Sort: CampaignSort.NameAsc));

        Assert.Equal(10, page.TotalCount);
        Assert.Equal(Enumerable.Range(9990, 10).Select(TenThousandCampaigns.NameOf), page.Items.Select(i => i.Name));
    }

    [Fact]
    public async Task List_SearchByIdPrefix_FindsTheCampaign()
    {
        var any = (await ListAsync(new CampaignQuery(Page: 123))).Items[7];

        var page = await ListAsync(new CampaignQuery(Search: any.CampaignId[..18]));

        Assert.Equal(any.CampaignId, Assert.Single(page.Items).CampaignId);
    }

    [Fact]
    public async Task List_PageSizeBeyondLimit_IsCapped()
    {
        var page = await ListAsync(new CampaignQuery(PageSize: 100_000));

        Assert.Equal(CampaignQuery.MaxPageSize, page.Items.Count);
    }

    [Theory]
    [InlineData(CampaignSort.LastEditedDesc, null, null, "IX_Campaigns_UpdatedAt")]
    [InlineData(CampaignSort.LastEditedAsc, null, null, "IX_Campaigns_UpdatedAt")]
    [InlineData(CampaignSort.NameAsc, null, null, "IX_Campaigns_NormalizedName")]
    [InlineData(CampaignSort.LastEditedDesc, null, CampaignStatus.Stopped, "IX_Campaigns_Status_UpdatedAt")]
    [InlineData(CampaignSort.LastEditedDesc, CampaignType.Api, null, "IX_Campaigns_Type_UpdatedAt")]
    public async Task ListPageQuery_SortsAndFiltersThroughAnIndex(CampaignSort sort, CampaignType? type, CampaignStatus? status, string index)
    {
        data.Database.Commands.Clear();
        await _service.ListAsync(new CampaignQuery(Type: type, Status: status, Sort: sort, Page: 40));
        var pageQuery = data.Database.Commands.Single(c => c.Sql.Contains("LIMIT", StringComparison.Ordinal));

        var plan = await data.Database.ExplainAsync(pageQuery);
        output.WriteLine(pageQuery.Sql + Environment.NewLine + string.Join(Environment.NewLine, plan));

        Assert.Contains(plan, line => line.Contains(index, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }
}
