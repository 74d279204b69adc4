using Bunit;
using BrazeLite.Core.Ingest;
using BrazeLite.Core.Users.Storage;
using Dashboard.Tests.Activity;
using Dashboard.Users;

namespace Dashboard.Tests.Users;

/// <summary>The Users pages on a real database: finding a user, and answering "why didn't Ana get it?".</summary>
public sealed class UsersPageTests : DashboardTestContext
{
    private readonly ActivitySeed _seed;

    public UsersPageTests() => _seed = ActivitySeed.CreateAsync(this, Time, Services).GetAwaiter().GetResult();

    [Fact]
    public void Search_Empty_AsksForAnIdNextToTheField()
    {
        var cut = Render<UsersPage>();

        Click(cut, "Find");

        Assert.Equal("Type an external ID or an email address.", ErrorUnder(cut, "External ID or email"));
    }

    [Fact]
    public void Search_NoMatch_SaysHowUsersAreMadeAndLinksTheLog()
    {
        var cut = Render<UsersPage>();

        Type(cut, "External ID or email", "nobody");
        Click(cut, "Find");

        cut.WaitForAssertion(() => Assert.Contains("No user matches “nobody”", cut.Find("[data-testid=empty-state]").TextContent));
        Assert.Equal("/activity?user=nobody", cut.Find("[data-testid=empty-state] a").GetAttribute("href"));
    }

    [Fact]
    public async Task Search_ByEmail_OpensTheUsersPage()
    {
        var ana = await _seed.UserAsync("ana", "ana@example.com", Time.GetUtcNow());
        var cut = Render<UsersPage>();

        Type(cut, "External ID or email", "Ana@Example.com");
        Click(cut, "Find");

        cut.WaitForAssertion(() => Assert.EndsWith($"/users/{ana.UserId}", CurrentUri));
    }

    [Fact]
    public async Task Search_Prefix_ListsTheMatches()
    {
        await _seed.UserAsync("shop-1", "one@example.com", Time.GetUtcNow());
        await _seed.UserAsync("shop-2", "two@example.com", Time.GetUtcNow());
        var cut = Render<UsersPage>();

        Type(cut, "External ID or email", "shop-");
        Click(cut, "Find");

        cut.WaitForAssertion(() => Assert.Equal(["shop-1", "shop-2"], cut.FindAll("tbody tr td:first-child").Select(td => td.TextContent.Trim())));
    }

    [Fact]
    public async Task UserPage_ShowsProfileEventsPurchasesAndWhyAMessageWasSkipped()
    {
        var at = Time.GetUtcNow();
        var ana = await _seed.UserAsync("ana", "ana@example.com", at, emailSubscribe: "unsubscribed");
        await _seed.Database.InsertAsync([new UserEventEntity { UserRowId = ana.Id, Name = "added_to_cart", Time = at, Properties = """{"sku":"mug"}""", ReceivedAt = at }]);
        await _seed.Database.InsertAsync([new UserPurchaseEntity { UserRowId = ana.Id, ProductId = "mug", Currency = "EUR", Price = 12.5m, Quantity = 2, Time = at, ReceivedAt = at }]);
        await _seed.DispatchAsync(at.AddMinutes(1), ana, "external_user_id:ana",
            (MessageStatus.Skipped, "Variant B", Channel.Email, "unsubscribed from email (a marketing campaign)"));

        var cut = Render<UserPage>(p => p.Add(x => x.UserId, ana.UserId));

        cut.WaitForAssertion(() => Assert.Equal("ana", cut.Find("h1").TextContent));
        var profile = SectionHeaded(cut, "Profile");
        Assert.Equal("ana@example.com", DefinitionOf(profile, "Email"));
        Assert.Equal("Unsubscribed", DefinitionOf(profile, "Email subscription"));
        Assert.Contains("loyalty_tier gold", RowsOf(cut, "Custom attributes"));
        var message = Assert.Single(RowsOf(cut, "Messages for this user"));
        Assert.Contains("Skipped Basket reminder Variant B Email unsubscribed from email (a marketing campaign)", message);
        Assert.Contains("added_to_cart", cut.Find("[aria-label='Recent events']").TextContent);
        Assert.Contains("mug 12.5 EUR 2 2026-03-02 09:30:00 UTC", RowsOf(cut, "Recent purchases"));
    }

    [Fact]
    public void UserPage_UnknownId_SaysSo()
    {
        var cut = Render<UserPage>(p => p.Add(x => x.UserId, "nope"));

        cut.WaitForAssertion(() => Assert.Contains("No user has this ID.", NoticeSaying(cut, "No user has this ID. Find a user.").TextContent));
    }
}
