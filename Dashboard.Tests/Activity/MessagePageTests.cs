using Bunit;
using BrazeLite.Core.Delivery;
using BrazeLite.Core.Ingest;
using Dashboard.Activity;

namespace Dashboard.Tests.Activity;

/// <summary>One message's page: how its delivery went, every attempt, and the message as its recipient got it.</summary>
public sealed class MessagePageTests : DashboardTestContext
{
    private readonly ActivitySeed _seed;

    public MessagePageTests() => _seed = ActivitySeed.CreateAsync(this, Time, Services).GetAwaiter().GetResult();

    private static readonly EmailContent Email = new("Shop <news@shop.example>", "ana@example.com", null, "Hello, Ana", "2 items",
        "<p>Mug</p><script>alert(1)</script>", "Mug", new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://shop.example/u>" });

    private IRenderedComponent<MessagePage> RenderMessage(long id)
    {
        var cut = Render<MessagePage>(p => p.Add(x => x.MessageId, id));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("h1")));
        return cut;
    }

    [Fact]
    public async Task Message_DeliveredAfterARetry_ShowsTheStateEachAttemptAndTheEmailInASandboxedFrame()
    {
        var at = Time.GetUtcNow();
        var ana = await _seed.UserAsync("ana", "ana@example.com", at);
        var dispatch = await _seed.DispatchAsync(at, ana, "external_user_id:ana", (MessageStatus.Accepted, "Variant A", Channel.Email, null));
        var id = await _seed.DeliveredAsync(dispatch, Channel.Email, DeliveryState.Delivered, Email, at, null, "451 try later", "250 OK");

        var cut = RenderMessage(id);

        Assert.Equal("Email message to external_user_id:ana", cut.Find("h1").TextContent);
        Assert.Contains("Delivered", cut.Find(".mud-chip").TextContent);
        Assert.Equal(["1 2026-03-02 09:30:00 UTC 451 try later (retried)", "2 2026-03-02 09:30:00 UTC 250 OK"], RowsOf(cut, "Attempts"));
        var frame = cut.Find("iframe[title='Email as received']");
        Assert.Equal("", frame.GetAttribute("sandbox"));
        Assert.Contains("<p>Mug</p>", frame.GetAttribute("srcdoc"));
        Assert.Contains("Hello, Ana", cut.Find("[data-field=subject]").TextContent);
        Assert.Contains("<https://shop.example/u>", cut.Markup.Replace("&lt;", "<").Replace("&gt;", ">"));
    }

    [Fact]
    public async Task Message_Aborted_SaysWhyAndThatNothingWasRendered()
    {
        var at = Time.GetUtcNow();
        var ana = await _seed.UserAsync("ana", "ana@example.com", at);
        var dispatch = await _seed.DispatchAsync(at, ana, "external_user_id:ana", (MessageStatus.Accepted, "Variant A", Channel.Email, null));
        var id = await _seed.DeliveredAsync(dispatch, Channel.Email, DeliveryState.Aborted, null, at, "out of stock");

        var cut = RenderMessage(id);

        Assert.Contains("Aborted", cut.Find(".mud-chip").TextContent);
        Assert.Contains("out of stock", cut.Find("[role=status]").TextContent);
        Assert.Contains("Nothing was rendered for this message.", cut.Markup);
    }

    [Fact]
    public void Message_Unknown_SaysSoWithAWayBack()
    {
        var cut = RenderMessage(987654);

        Assert.Equal("No such message", cut.Find("h1").TextContent);
        Assert.Equal("/activity", cut.Find("a").GetAttribute("href"));
    }
}
