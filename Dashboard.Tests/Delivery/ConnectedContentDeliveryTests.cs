using BrazeLite.Core.Delivery;
using static Dashboard.Tests.Api.Sends.SendTestSupport;
using Reply = Dashboard.Tests.Delivery.TestHttpProvider.Reply;

namespace Dashboard.Tests.Delivery;

/// <summary><c>connected_content</c> at send time: a real call to an API started on 127.0.0.1, as Braze makes it.</summary>
public sealed class ConnectedContentDeliveryTests : IAsyncLifetime
{
    private TestHttpProvider _api = null!;
    private DashboardApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _api = await TestHttpProvider.StartAsync();
        _factory = DeliveryTestSupport.Factory(("Delivery:ConnectedContent:Timeout", "00:00:00.500"));
    }

    private async Task<EmailContent> SendAsync(string subject, string body, string user)
    {
        var campaign = await _factory.LaunchAsync(Campaign(f =>
        {
            DeliveryTestSupport.OnlyChannels(f, Channel.Email);
            f.Variants[0].Messages[0][EmailFields.Subject] = subject;
            f.Variants[0].Messages[0][EmailFields.HtmlBody] = body;
            f.Variants[0].Messages[0][EmailFields.PlainTextBody] = "text";
        }));
        await _factory.CreateApiClient().TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { NewUser(user) } });
        var delivered = (await _factory.WaitForDeliveriesAsync(campaign.CampaignId!, 1)).Single();
        Assert.Equal(DeliveryState.Captured, delivered.Delivery.State);
        _lastWarnings = delivered.Delivery.Warnings;
        return Assert.IsType<EmailContent>(delivered.Content);
    }

    private string? _lastWarnings;

    [Fact]
    public async Task Send_SavedJson_TheTemplateReadsTheApisAnswerForThisUser()
    {
        _api.Then(new Reply(200, "{\"tier\":\"gold\",\"points\":120}"));
        var user = $"u-{Guid.NewGuid():N}";

        var email = await SendAsync("Hi",
            "{% connected_content " + _api.BaseUrl + "/loyalty/{{${user_id}}} :headers {\"X-Key\": \"k1\"} :save loyalty %}<p>{{loyalty.tier}}: {{loyalty.points}}</p>",
            user);

        Assert.Contains("<p>gold: 120</p>", email.Html);
        var call = _api.Requests.Single();
        Assert.Equal($"/loyalty/{user}", call.Path);
        Assert.Equal("k1", call.Headers["X-Key"]);
    }

    [Fact]
    public async Task Send_ApiAnswers404_RendersNothingForTheCallAndWarns()
    {
        _api.Then(new Reply(404, "not found"));

        var email = await SendAsync("Hi", "<p>[{% connected_content " + _api.BaseUrl + "/missing %}]</p>", $"u-{Guid.NewGuid():N}");

        Assert.Contains("<p>[]</p>", email.Html);
        Assert.Contains("answered 404", _lastWarnings);
    }

    [Fact]
    public async Task Send_ApiTooSlow_TheCallTimesOutAndTheMessageStillGoesWithAWarning()
    {
        _api.Then(new Reply(200, "{\"tier\":\"gold\"}", Delay: TimeSpan.FromSeconds(5)));

        var email = await SendAsync("Hi", "{% connected_content " + _api.BaseUrl + "/slow :save r %}<p>[{{r.tier}}]</p>", $"u-{Guid.NewGuid():N}");

        Assert.Contains("<p>[]</p>", email.Html);
        Assert.Contains("did not answer within 500 ms", _lastWarnings);
    }

    [Fact]
    public async Task Send_PostWithRetry_FailsOnceThenTheRetryAnswers()
    {
        _api.Then(new Reply(503, "busy"), new Reply(200, "{\"ok\":\"yes\"}"));

        var email = await SendAsync("Hi",
            "{% connected_content " + _api.BaseUrl + "/score :method post :body id={{${user_id}}} :retry :save s %}<p>{{s.ok}}</p>", $"u-{Guid.NewGuid():N}");

        Assert.Contains("<p>yes</p>", email.Html);
        Assert.Equal(2, _api.Requests.Count);
        Assert.All(_api.Requests, r => Assert.Equal("POST", r.Method));
        Assert.StartsWith("id=u-", _api.Requests.First().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_SameGetTwice_TheSecondIsAnsweredFromTheCache()
    {
        _api.Then(new Reply(200, "{\"n\":\"first\"}"), new Reply(200, "{\"n\":\"second\"}"));
        var body = "{% connected_content " + _api.BaseUrl + "/cached :cache_max_age 900 :save c %}<p>{{c.n}}</p>";

        var first = await SendAsync("Hi", body, $"u-{Guid.NewGuid():N}");
        var second = await SendAsync("Hi", body, $"u-{Guid.NewGuid():N}");

        Assert.Contains("<p>first</p>", first.Html);
        Assert.Contains("<p>first</p>", second.Html);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task Send_AnswerOverOneMegabyte_IsNotUsedAndWarns()
    {
        _api.Then(new Reply(200, "\"" + new string('x', 1024 * 1024 + 10) + "\""));

        var email = await SendAsync("Hi", "<p>[{% connected_content " + _api.BaseUrl + "/huge %}]</p>", $"u-{Guid.NewGuid():N}");

        Assert.Contains("<p>[]</p>", email.Html);
        Assert.Contains("more than 1,048,576 bytes", _lastWarnings);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _api.DisposeAsync();
    }
}
