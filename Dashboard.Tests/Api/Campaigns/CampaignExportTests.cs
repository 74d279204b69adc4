using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BrazeLite.Core.Campaigns.Storage;
using BrazeLite.Core.Ingest.Storage;
using Dashboard.Tests.Api.Sends;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Tests.Api.Sends.SendTestSupport;

namespace Dashboard.Tests.Api.Campaigns;

/// <summary>
/// <c>GET /campaigns/list</c>, <c>GET /campaigns/details</c>, <c>GET /campaigns/data_series</c> and
/// <c>POST /sends/id/create</c> as a Braze client calls them.
/// </summary>
public sealed class CampaignExportTests(DashboardApiFactory factory) : IClassFixture<DashboardApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    /// <summary>A GET as npm braze-api sends it: with a JSON Content-Type header, even on a GET.</summary>
    private async Task<Answer> GetAsync(string pathAndQuery, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery) { Content = new StringContent("", Encoding.UTF8, "application/json") };
        using var response = await (client ?? _client).SendAsync(request);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new Answer(response.StatusCode, document.RootElement.Clone());
    }

    private static List<string> Ids(Answer answer) =>
        answer.Body.GetProperty("campaigns").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();

    [Fact]
    public async Task List_ListsCampaignsByCreationWithoutArchivedOnes()
    {
        var api = await factory.LaunchAsync(SampleCampaigns.Api($"List API {Guid.NewGuid():N}"));
        var triggered = await factory.LaunchAsync(Campaign());
        var archived = await factory.LaunchAsync(Campaign(), CampaignStatus.Archived);

        var empty = await GetAsync("/campaigns/list?");
        var answer = await GetAsync("/campaigns/list?sort_direction=desc");
        var withArchived = await GetAsync("/campaigns/list?include_archived=true&sort_direction=desc");

        Assert.Equal((HttpStatusCode.OK, "success"), (empty.Status, empty.Message));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var ids = Ids(answer);
        Assert.True(ids.IndexOf(triggered.CampaignId!) < ids.IndexOf(api.CampaignId!));
        Assert.DoesNotContain(archived.CampaignId, ids);
        var entry = answer.Body.GetProperty("campaigns").EnumerateArray().Single(c => c.GetProperty("id").GetString() == api.CampaignId);
        Assert.True(entry.GetProperty("is_api_campaign").GetBoolean());
        Assert.Equal(api.Name, entry.GetProperty("name").GetString());
        Assert.Equal(["orders", "transactional"], entry.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.True(DateTimeOffset.TryParse(entry.GetProperty("last_edited").GetString(), out _));
        var newestFirst = Ids(withArchived);
        Assert.Contains(archived.CampaignId, newestFirst);
        Assert.True(newestFirst.IndexOf(archived.CampaignId!) < newestFirst.IndexOf(api.CampaignId!));
    }

    [Fact]
    public async Task List_LastEditedAfter_KeepsOnlyLaterEditsAndReadsBrazesExampleFormat()
    {
        var campaign = await factory.LaunchAsync(Campaign());

        var future = await GetAsync("/campaigns/list?last_edit.time%5Bgt%5D=2999-06-28T23%3A59%3A59-5%3A00");
        var past = await GetAsync("/campaigns/list?sort_direction=desc&last_edit.time%5Bgt%5D=2020-06-28T23%3A59%3A59");

        Assert.Empty(Ids(future));
        Assert.Contains(campaign.CampaignId, Ids(past));
    }

    [Fact]
    public async Task List_PagesHoldAHundred()
    {
        for (var i = 0; i < 101; i++)
        {
            await factory.SaveAsync(SampleCampaigns.Api($"Paged {i} {Guid.NewGuid():N}"));
        }

        var first = Ids(await GetAsync("/campaigns/list?page=0"));
        var second = Ids(await GetAsync("/campaigns/list?page=1"));

        Assert.Equal(100, first.Count);
        Assert.NotEmpty(second);
        Assert.Empty(first.Intersect(second));
    }

    [Theory]
    [InlineData("page=-1", "page must be a whole number from 0")]
    [InlineData("include_archived=yes", "include_archived must be true or false")]
    [InlineData("sort_direction=up", "sort_direction must be")]
    [InlineData("last_edit.time%5Bgt%5D=yesterday", "last_edit.time[gt] must be a time")]
    public async Task List_BadParameter_Is400NamingIt(string query, string error)
    {
        var answer = await GetAsync($"/campaigns/list?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(error, answer.Errors.Single());
    }

    [Fact]
    public async Task Details_TriggeredCampaign_KeysMessagesByVariationIdWithControlAndConversionWindowsInSeconds()
    {
        var form = await factory.LaunchAsync(SampleCampaigns.Triggered($"Details {Guid.NewGuid():N}"));
        // Ten users: one alone lands in the 10% control group (and is sent nothing) one time in ten.
        var users = Enumerable.Range(0, 10).Select(_ => NewUser($"d-{Guid.NewGuid():N}")).ToArray();
        Assert.Equal(HttpStatusCode.Created, (await _client.TriggerAsync(new { campaign_id = form.CampaignId, recipients = users })).Status);

        var answer = await GetAsync($"/campaigns/details?campaign_id={form.CampaignId}");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var body = answer.Body;
        Assert.Equal(form.Name, body.GetProperty("name").GetString());
        Assert.True(body.GetProperty("enabled").GetBoolean());
        Assert.False(body.GetProperty("draft").GetBoolean());
        Assert.Equal("api_triggered", body.GetProperty("schedule_type").GetString());
        Assert.Equal(["email", "sms", "apple_push", "android_push", "webhook", "content_card"], body.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        var messages = body.GetProperty("messages");
        var email = form.Variants[0].Messages.Single(m => m.Channel == Channel.Email);
        var emailJson = messages.GetProperty(email.MessageVariationId!);
        Assert.Equal("email", emailJson.GetProperty("channel").GetString());
        Assert.Equal("Variant A", emailJson.GetProperty("name").GetString());
        Assert.Equal(email[EmailFields.Subject], emailJson.GetProperty("subject").GetString());
        Assert.Equal("control", messages.GetProperty(form.ControlVariationId!).GetProperty("type").GetString());
        Assert.Equal(2 * 6 + 1, messages.EnumerateObject().Count());
        var conversions = body.GetProperty("conversion_behaviors").EnumerateArray().ToList();
        Assert.Equal("Makes Specific Purchase", conversions[0].GetProperty("type").GetString());
        Assert.Equal(7 * 86400, conversions[0].GetProperty("window").GetInt64());
        Assert.Equal("gift card", conversions[0].GetProperty("product").GetString());
        Assert.Equal(3600, conversions[1].GetProperty("window").GetInt64());
        Assert.Equal(JsonValueKind.String, body.GetProperty("first_sent").ValueKind);
    }

    [Fact]
    public async Task Details_ApiCampaignBeforeAnySend_HasItsChannelVariationsAndNoSendTimes()
    {
        var form = await factory.LaunchAsync(SampleCampaigns.Api($"Details API {Guid.NewGuid():N}"));

        var answer = await GetAsync($"/campaigns/details?campaign_id={form.CampaignId}");

        Assert.Equal("api", answer.Body.GetProperty("schedule_type").GetString());
        Assert.Equal(JsonValueKind.Null, answer.Body.GetProperty("first_sent").ValueKind);
        var sms = answer.Body.GetProperty("messages").GetProperty(form.Channels.Single(c => c.Channel == Channel.Sms).MessageVariationId!);
        Assert.Equal("sms", sms.GetProperty("channel").GetString());
    }

    [Theory]
    [InlineData("/campaigns/details?campaign_id=4861692e-6fce-4215-bd05-3254fb9e9057")]
    [InlineData("/campaigns/details")]
    public async Task Details_UnknownOrMissingId_Is400WithBrazesText(string path)
    {
        var answer = await GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("campaign_id must be a string of the campaign api identifier", answer.Message);
    }

    [Fact]
    public async Task DataSeries_CountsEachDaysSendsPerVariationUnderBrazesChannelNames()
    {
        var form = await factory.LaunchAsync(SampleCampaigns.Triggered($"Series {Guid.NewGuid():N}"));
        var users = Enumerable.Range(0, 20).Select(_ => NewUser($"s-{Guid.NewGuid():N}")).ToArray();
        Assert.Equal(HttpStatusCode.Created, (await _client.TriggerAsync(new { campaign_id = form.CampaignId, recipients = users })).Status);
        // Two days ending now, so a send just before midnight (UTC) is still counted.
        var now = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddSeconds(1).ToString("O"));

        var answer = await GetAsync($"/campaigns/data_series?campaign_id={form.CampaignId}&length=2&ending_at={now}");

        Assert.Equal((HttpStatusCode.OK, "success"), (answer.Status, answer.Message));
        var days = answer.Body.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(2, days.Count);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), days[1].GetProperty("time").GetString());
        var email = days.SelectMany(d => d.GetProperty("messages").GetProperty("email").EnumerateArray()).ToList();
        var control = email.Where(e => e.GetProperty("variation_api_id").GetString() == form.ControlVariationId).ToList();
        Assert.All(control, c => Assert.Equal("Control Group", c.GetProperty("variation_name").GetString()));
        var enrolled = control.Sum(c => c.GetProperty("enrolled").GetInt32());
        var sent = email.Where(e => e.TryGetProperty("sent", out _)).Sum(e => e.GetProperty("sent").GetInt32());
        // Every user is either enrolled in the control group or sent the email of their variant.
        Assert.Equal(users.Length, enrolled + sent);
        Assert.Equal(sent, days.Sum(d => d.GetProperty("unique_recipients").GetInt32()));
        var variantA = form.Variants[0].Messages.Single(m => m.Channel == Channel.Email).MessageVariationId;
        var a = email.First(e => e.GetProperty("variation_api_id").GetString() == variantA);
        Assert.Equal("Variant A", a.GetProperty("variation_name").GetString());
        Assert.True(a.TryGetProperty("delivered", out _) && a.TryGetProperty("bounces", out _));
        var channels = days[1].GetProperty("messages").EnumerateObject().Select(c => c.Name).ToList();
        Assert.Equal(["email", "sms", "ios_push", "android_push", "webhook", "content_cards"], channels);
        Assert.True(days[1].GetProperty("messages").GetProperty("webhook")[0].TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task DataSeries_EndingBeforeTheSends_CountsNothingForEachDay()
    {
        var form = await factory.LaunchAsync(SampleCampaigns.Triggered($"Series before {Guid.NewGuid():N}"));
        Assert.Equal(HttpStatusCode.Created, (await _client.TriggerAsync(new { campaign_id = form.CampaignId, recipients = new[] { NewUser($"b-{Guid.NewGuid():N}") } })).Status);

        var answer = await GetAsync($"/campaigns/data_series?campaign_id={form.CampaignId}&length=3&ending_at=2020-06-28T23:59:59-5:00");

        var days = answer.Body.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["2020-06-27", "2020-06-28", "2020-06-29"], days.Select(d => d.GetProperty("time").GetString()));
        Assert.All(days, d => Assert.Equal(0, d.GetProperty("unique_recipients").GetInt32()));
        Assert.All(days.SelectMany(d => d.GetProperty("messages").GetProperty("email").EnumerateArray()),
            e => Assert.Equal(0, e.TryGetProperty("sent", out var sent) ? sent.GetInt32() : e.GetProperty("enrolled").GetInt32()));
    }

    [Theory]
    [InlineData("length=1", "campaign_id must be a string of the campaign api identifier", "Add the campaign_id query parameter.")]
    [InlineData("campaign_id=4861692e-6fce-4215-bd05-3254fb9e9057&length=1", "campaign_id must be a string of the campaign api identifier", "No campaign has the campaign_id")]
    [InlineData("campaign_id={id}", "Bad Request", "Add the length query parameter")]
    [InlineData("campaign_id={id}&length=0", "Bad Request", "length must be a whole number of days from 1 to 100 (got \"0\")")]
    [InlineData("campaign_id={id}&length=101", "Bad Request", "length must be a whole number of days from 1 to 100 (got \"101\")")]
    [InlineData("campaign_id={id}&length=seven", "Bad Request", "length must be a whole number of days from 1 to 100")]
    [InlineData("campaign_id={id}&length=7&ending_at=yesterday", "Bad Request", "ending_at must be a time such as 2020-06-28T23:59:59-05:00 (got \"yesterday\")")]
    public async Task DataSeries_BadQuery_Is400NamingTheParameter(string query, string message, string error)
    {
        var form = await factory.LaunchAsync(Campaign());

        var answer = await GetAsync("/campaigns/data_series?" + query.Replace("{id}", form.CampaignId, StringComparison.Ordinal));

        Assert.Equal((HttpStatusCode.BadRequest, message), (answer.Status, answer.Message));
        Assert.Contains(error, answer.Errors.Single());
    }

    [Fact]
    public async Task Exports_KeyWithoutThePermission_Is403()
    {
        var client = factory.CreateApiClient(DashboardApiFactory.UsersTrackOnlyKey);

        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("/campaigns/list", client)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("/campaigns/details?campaign_id=x", client)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("/campaigns/data_series?campaign_id=x&length=1", client)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/sends/id/create", """{"campaign_id": "x"}""")).Status);
    }

    [Fact]
    public async Task SendIdCreate_MakesOneOrKeepsTheOneAskedFor()
    {
        var campaign = await factory.LaunchAsync(SampleCampaigns.Api($"Send IDs {Guid.NewGuid():N}"));

        var made = await _client.PostAsync("/sends/id/create", JsonSerializer.Serialize(new { campaign_id = campaign.CampaignId }));
        var asked = await _client.PostAsync("/sends/id/create", JsonSerializer.Serialize(new { campaign_id = campaign.CampaignId, send_id = "black-friday" }));
        var again = await _client.PostAsync("/sends/id/create", JsonSerializer.Serialize(new { campaign_id = campaign.CampaignId, send_id = "black-friday" }));

        Assert.Equal(HttpStatusCode.Created, made.Status);
        Assert.Matches("^[0-9a-f]{32}$", made.Body.GetProperty("send_id").GetString());
        Assert.Equal("black-friday", asked.Body.GetProperty("send_id").GetString());
        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.Equal(2, await factory.ReadAsync(async db =>
        {
            var rowId = await db.Campaigns.Where(c => c.CampaignId == campaign.CampaignId).Select(c => c.Id).SingleAsync();
            return await db.SendIds.CountAsync(s => s.CampaignRowId == rowId);
        }));
    }

    [Theory]
    [InlineData("""{"send_id": "a"}""", "campaign_id must be a string of the campaign api identifier")]
    [InlineData("""{"campaign_id": "4861692e-6fce-4215-bd05-3254fb9e9057"}""", "campaign_id must be a string of the campaign api identifier")]
    [InlineData("""{"campaign_id": "CAMPAIGN", "send_id": "ünï"}""", "Bad Request")]
    public async Task SendIdCreate_BadRequest_Is400(string body, string message)
    {
        var campaign = await factory.LaunchAsync(SampleCampaigns.Api($"Send IDs bad {Guid.NewGuid():N}"));

        var answer = await _client.PostAsync("/sends/id/create", body.Replace("CAMPAIGN", campaign.CampaignId));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(message, answer.Message);
    }

    [Fact]
    public async Task SendIdCreate_OverTheDailyLimit_Is429WithTheHeaders()
    {
        await using var limited = new DashboardApiFactory();
        limited.Settings["RateLimits:SendIds:Limit"] = "2";
        var client = limited.CreateApiClient();
        var campaign = await limited.LaunchAsync(SampleCampaigns.Api($"Limited {Guid.NewGuid():N}"));
        var body = JsonSerializer.Serialize(new { campaign_id = campaign.CampaignId });

        await client.PostAsync("/sends/id/create", body);
        await client.PostAsync("/sends/id/create", body);
        using var third = await client.PostAsync("/sends/id/create", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("2", third.Headers.GetValues("X-RateLimit-Limit").Single());
    }
}
