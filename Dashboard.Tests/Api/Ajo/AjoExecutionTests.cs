using System.Net;
using System.Text;
using System.Text.Json;
using BrazeLite.Core.Ingest;
using BrazeLite.Core.Ingest.Storage;
using BrazeLite.Core.Users.Storage;
using Dashboard.Tests.Api.Sends;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Tests.Api.Sends.SendTestSupport;

namespace Dashboard.Tests.Api.Ajo;

/// <summary><c>POST /ajo/im/executions/unitary</c> over HTTP, as an Adobe Journey Optimizer client calls it.</summary>
public sealed class AjoExecutionTests(DashboardApiFactory factory) : IClassFixture<DashboardApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    private sealed record Reply(HttpStatusCode Status, string? MediaType, JsonElement Body);

    private async Task<Reply> ExecuteAsync(object body)
    {
        using var response = await _client.PostAsync("/ajo/im/executions/unitary", new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new Reply(response.StatusCode, response.Content.Headers.ContentType?.MediaType, document.RootElement.Clone());
    }

    private static object Recipient(string email, object? context = null) => new
    {
        type = "aep",
        @namespace = "email",
        userId = email,
        channelData = new { emailAddress = email, mobilePhoneNumber = "+15555550100" },
        context = context ?? new { product = new { name = "Jackets" }, offerCode = "THANKSGIVING" },
        profile = new { person = new { name = new { firstName = "John" } } },
    };

    private static string NewEmail() => $"ajo-{Guid.NewGuid():N}@example.com";

    [Fact]
    public async Task Execute_ActiveCampaign_Is202WithTheExecutionAndCommitsTheMessagesWithTheContext()
    {
        var campaign = await factory.LaunchAsync(Campaign(f => f.MessageType = MessageType.Transactional));
        var email = NewEmail();
        var requestId = Guid.NewGuid().ToString("N");

        var reply = await ExecuteAsync(new { requestId, campaignId = campaign.CampaignId, recipients = new[] { Recipient(email) } });

        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
        Assert.Equal(requestId, reply.Body.GetProperty("requestId").GetString());
        var executionId = reply.Body.GetProperty("executionId").GetString()!;
        Assert.True(DateTimeOffset.TryParse(reply.Body.GetProperty("createdAt").GetString(), out var createdAt));
        Assert.InRange(createdAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        var messages = await factory.MessagesOfAsync(campaign.CampaignId!);
        Assert.Equal(2, messages.Count(m => m.Status == MessageStatus.Accepted && m.DispatchId == executionId));
        using var context = JsonDocument.Parse(messages[0].TriggerProperties!);
        Assert.Equal("Jackets", context.RootElement.GetProperty("product").GetProperty("name").GetString());
        var dispatch = await factory.ReadAsync(db => db.Dispatches.AsNoTracking().SingleAsync(d => d.DispatchId == executionId));
        Assert.Equal((DispatchKind.AjoExecution, requestId), (dispatch.Kind, dispatch.RequestId));
        var user = await factory.ReadAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Contains("\"first_name\":\"John\"", user.Attributes);
    }

    [Fact]
    public async Task Execute_SameRequestIdTwice_SendsOnceAndAnswersTheSame()
    {
        var campaign = await factory.LaunchAsync(Campaign(f => { f.MessageType = MessageType.Transactional; f.ReeligibilityEnabled = true; f.ReeligibilityAmount = 0; }));
        var body = new { requestId = Guid.NewGuid().ToString("N"), campaignId = campaign.CampaignId, recipients = new[] { Recipient(NewEmail()) } };

        var first = await ExecuteAsync(body);
        var retry = await ExecuteAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, retry.Status);
        Assert.Equal(first.Body.GetProperty("executionId").GetString(), retry.Body.GetProperty("executionId").GetString());
        Assert.Equal(first.Body.GetProperty("createdAt").GetString(), retry.Body.GetProperty("createdAt").GetString());
        Assert.Equal(2, (await factory.MessagesOfAsync(campaign.CampaignId!)).Count);
    }

    [Theory]
    [InlineData("missing requestId", "requestId is required")]
    [InlineData("no recipients", "recipients is required: 1 to 20")]
    [InlineData("21 recipients", "at most 20 per unitary execution")]
    [InlineData("duplicate", "repeats userId")]
    [InlineData("bad email", "must be an email address in the email namespace")]
    [InlineData("no namespace", "recipients[0].namespace is required")]
    public async Task Execute_MalformedCall_Is400ProblemJsonAndWritesNothing(string fault, string detail)
    {
        var campaign = await factory.LaunchAsync(Campaign(f => f.MessageType = MessageType.Transactional));
        var email = NewEmail();
        object body = fault switch
        {
            "missing requestId" => new { campaignId = campaign.CampaignId, recipients = new[] { Recipient(email) } },
            "no recipients" => new { requestId = "r", campaignId = campaign.CampaignId, recipients = Array.Empty<object>() },
            "21 recipients" => new { requestId = "r", campaignId = campaign.CampaignId, recipients = Enumerable.Range(0, 21).Select(_ => Recipient(NewEmail())).ToArray() },
            "duplicate" => new { requestId = "r", campaignId = campaign.CampaignId, recipients = new[] { Recipient(email), Recipient(email.ToUpperInvariant()) } },
            "bad email" => new { requestId = "r", campaignId = campaign.CampaignId, recipients = new[] { Recipient("not-an-email") } },
            _ => new { requestId = "r", campaignId = campaign.CampaignId, recipients = new[] { new { type = "aep", userId = email } } },
        };

        var reply = await ExecuteAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("application/problem+json", reply.MediaType);
        Assert.Equal(400, reply.Body.GetProperty("status").GetInt32());
        Assert.StartsWith("https://ns.adobe.com/aep/errors/MSG-", reply.Body.GetProperty("type").GetString());
        Assert.Contains(detail, reply.Body.GetProperty("detail").GetString());
        Assert.Equal(campaign.CampaignId, reply.Body.GetProperty("report").GetProperty("additionalContext").GetProperty("campaignId").GetString());
        Assert.Empty(await factory.MessagesOfAsync(campaign.CampaignId!));
    }

    [Fact]
    public async Task Execute_UnknownOrStoppedOrOutOfScheduleCampaign_IsProblemJsonSayingWhy()
    {
        var stopped = await factory.LaunchAsync(Campaign(), CampaignStatus.Stopped);
        var ended = await factory.LaunchAsync(Campaign(f => { f.StartsAt = DateTimeOffset.UtcNow.AddDays(-3); f.EndsAt = DateTimeOffset.UtcNow.AddDays(-1); }));

        var unknown = await ExecuteAsync(new { requestId = "u", campaignId = Ids.NewId(), recipients = new[] { Recipient(NewEmail()) } });
        var paused = await ExecuteAsync(new { requestId = "p", campaignId = stopped.CampaignId, recipients = new[] { Recipient(NewEmail()) } });
        var late = await ExecuteAsync(new { requestId = "l", campaignId = ended.CampaignId, recipients = new[] { Recipient(NewEmail()) } });

        Assert.Equal("Invalid Campaign ID", unknown.Body.GetProperty("title").GetString());
        Assert.StartsWith("The campaign is paused", paused.Body.GetProperty("title").GetString());
        Assert.Equal("Outside Campaign Schedule", late.Body.GetProperty("title").GetString());
        Assert.StartsWith("The campaign ended at", late.Body.GetProperty("detail").GetString());
        Assert.All(new[] { unknown, paused, late }, r => Assert.Equal(HttpStatusCode.BadRequest, r.Status));
    }

    [Fact]
    public async Task Execute_TransactionalWithoutCreateNewProfiles_RefusesUnknownProfiles()
    {
        var campaign = await factory.LaunchAsync(Campaign(f => { f.MessageType = MessageType.Transactional; f.CreateNewProfiles = false; }));
        var email = NewEmail();

        var reply = await ExecuteAsync(new { requestId = Guid.NewGuid().ToString(), campaignId = campaign.CampaignId, recipients = new[] { Recipient(email) } });

        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
        Assert.Contains("does not create new profiles", reply.Body.GetProperty("errors")[0].GetString());
        Assert.Equal(0, await factory.ReadAsync(db => db.Users.CountAsync(u => u.Email == email)));
        Assert.DoesNotContain(await factory.MessagesOfAsync(campaign.CampaignId!), m => m.Status == MessageStatus.Accepted);
    }

    [Fact]
    public async Task Execute_WithoutAKey_Is401JsonWithMessage()
    {
        using var response = await factory.CreateApiClient(null).PostAsync("/ajo/im/executions/unitary",
            new StringContent("""{"requestId": "r"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.TryGetProperty("message", out _));
    }
}
