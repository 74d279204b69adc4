using Bunit;
using BrazeLite.Core.Delivery;
using BrazeLite.Core.Delivery.Senders;
using BrazeLite.Core.Ingest;
using Dashboard.Delivery;
using Dashboard.Tests.Activity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Delivery;

/// <summary>The Test inbox: captured messages, newest first, each shown as its recipient would see it and marked as not delivered.</summary>
public sealed class TestInboxPageTests : DashboardTestContext
{
    private readonly ActivitySeed _seed;

    public TestInboxPageTests()
    {
        _seed = ActivitySeed.CreateAsync(this, Time, Services).GetAwaiter().GetResult();
        Services.AddSingleton(new ChannelSenders([], new CaptureSender(), Options.Create(new DeliveryOptions())));
        RenderPopovers();
    }

    private IRenderedComponent<TestInboxPage> RenderInbox()
    {
        var cut = Render<TestInboxPage>();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[aria-label='Loading the Test inbox']")));
        return cut;
    }

    [Fact]
    public void Inbox_Empty_SaysHowMessagesGetThere()
    {
        var cut = RenderInbox();

        Assert.Contains("No captured messages", cut.Find("[data-testid=empty-state]").TextContent);
        Assert.Contains("not delivered", cut.Find("[role=note]").TextContent);
        Assert.Contains("Email", cut.Find("[role=note]").TextContent);
    }

    [Fact]
    public async Task Inbox_TwoCaptured_ListsNewestFirstAndShowsTheSelectedOneAsReceived()
    {
        var at = Time.GetUtcNow();
        var ana = await _seed.UserAsync("ana", "ana@example.com", at);
        var dispatch = await _seed.DispatchAsync(at, ana, "external_user_id:ana",
            (MessageStatus.Accepted, "Variant A", Channel.Email, null), (MessageStatus.Accepted, "Variant A", Channel.Sms, null));
        await _seed.DeliveredAsync(dispatch, Channel.Email, DeliveryState.Captured,
            new EmailContent("Shop <news@shop.example>", "ana@example.com", null, "Your basket, Ana", null, "<p>Mug</p>", "Mug", new Dictionary<string, string>()), at);
        await _seed.DeliveredAsync(dispatch, Channel.Sms, DeliveryState.Captured, new SmsContent("+15555550100", "Mug is waiting", []), at.AddSeconds(1));

        var cut = RenderInbox();

        var items = cut.FindAll("[aria-label='Captured messages'] .mud-list-item").Select(i => Normalize(i.TextContent)).ToList();
        Assert.Equal(2, items.Count);
        Assert.StartsWith("Mug is waiting SMS/MMS to +15555550100 · Basket reminder · Variant A", items[0]);
        Assert.StartsWith("Your basket, Ana Email to ana@example.com", items[1]);
        Assert.Contains("Captured, not delivered", cut.Markup);
        Assert.Equal("Mug is waiting", cut.Find("[aria-label='SMS text']").TextContent);

        cut.FindAll("[aria-label='Captured messages'] .mud-list-item")[1].Click();

        cut.WaitForAssertion(() => Assert.Contains("<p>Mug</p>", cut.Find("iframe[title='Email as received']").GetAttribute("srcdoc")));
    }
}
