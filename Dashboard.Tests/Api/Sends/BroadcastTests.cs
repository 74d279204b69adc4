using System.Net;
using System.Text.Json;
using BrazeLite.Core.Ingest;
using BrazeLite.Core.Ingest.Storage;
using BrazeLite.Core.Campaigns.Storage;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Tests.Api.Sends.SendTestSupport;

namespace Dashboard.Tests.Api.Sends;

/// <summary>
/// <c>broadcast: true</c> on both send endpoints: accepted at once, worked through every user in the background in
/// chunks (seven users a chunk here, so several), with its progress recorded. Each test has its own database.
/// </summary>
public sealed class BroadcastTests : IAsyncLifetime
{
    private readonly DashboardApiFactory _factory = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _factory.Settings["Ingest:BroadcastChunk"] = "7";
        _factory.Settings["RateLimits:Broadcast:Limit"] = "3";
        _client = _factory.CreateApiClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<List<string>> UsersAsync(int count, string emailSubscribe = "opted_in")
    {
        var ids = Enumerable.Range(0, count).Select(i => $"b-{i}-{Guid.NewGuid():N}").ToList();
        var answer = await _client.PostAsync("/users/track", JsonSerializer.Serialize(new
        {
            attributes = ids.Select(id => new Dictionary<string, object> { ["external_id"] = id, ["email"] = $"{id}@example.com", ["email_subscribe"] = emailSubscribe }),
        }));
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        return ids;
    }

    private async Task<BroadcastEntity> FinishedAsync(string dispatchId)
    {
        for (var i = 0; i < 200; i++)
        {
            var broadcast = await _factory.ReadAsync(db => db.Broadcasts.AsNoTracking().SingleAsync(b => b.DispatchId == dispatchId));
            if (broadcast.Status != BroadcastStatus.Running)
            {
                return broadcast;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"Broadcast {dispatchId} still running after 10 s.");
    }

    [Fact]
    public async Task TriggerBroadcast_ReachesEveryEligibleUserOnceWithASendId()
    {
        var campaign = await _factory.LaunchAsync(Campaign(f => f.Channels = [new ChannelForm { Channel = Channel.Email }]));
        var users = await UsersAsync(30);
        var earlier = await _client.TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { new { external_user_id = users[0] } } });
        Assert.Equal(HttpStatusCode.Created, earlier.Status);

        var answer = await _client.TriggerAsync(new { campaign_id = campaign.CampaignId, broadcast = true, trigger_properties = new { sale = "autumn" } });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var sendId = answer.Body.GetProperty("send_id").GetString();
        Assert.False(string.IsNullOrEmpty(sendId));
        var done = await FinishedAsync(answer.DispatchId);
        Assert.Equal((BroadcastStatus.Completed, 30, 30, 29), (done.Status, done.Total, done.Processed, done.Reached));
        var rows = await _factory.ReadAsync(db => db.Messages.AsNoTracking().Where(m => m.DispatchId == answer.DispatchId).ToListAsync());
        Assert.Equal(30, rows.Count);
        Assert.Equal(29, rows.Count(r => r.Status == MessageStatus.Accepted));
        Assert.Contains("already received this campaign", rows.Single(r => r.Recipient == $"external_user_id:{users[0]}").Reason);
        Assert.All(rows, r => Assert.Contains("autumn", r.TriggerProperties));
        var dispatch = await _factory.ReadAsync(db => db.Dispatches.AsNoTracking().SingleAsync(d => d.DispatchId == answer.DispatchId));
        Assert.True(dispatch.Broadcast);
        Assert.Equal(sendId, dispatch.SendId);
    }

    [Fact]
    public async Task MessagesSendBroadcast_SendsTheContentToEveryoneSubscribed()
    {
        await UsersAsync(10);
        await UsersAsync(2, emailSubscribe: "unsubscribed");

        var answer = await _client.PostAsync("/messages/send", JsonSerializer.Serialize(new
        {
            broadcast = true,
            send_id = "newsletter-12",
            messages = new { email = new { app_id = "app", from = "News <news@example.com>", subject = "Hi", body = "<p>News</p>" } },
        }));

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("newsletter-12", answer.Body.GetProperty("send_id").GetString());
        var done = await FinishedAsync(answer.DispatchId);
        Assert.Equal((12, 10), (done.Processed, done.Reached));
    }

    [Fact]
    public async Task Broadcast_WithRecipientsOrOverTheBroadcastLimit_IsRefused()
    {
        var campaign = await _factory.LaunchAsync(Campaign(f => { f.ReeligibilityEnabled = true; f.ReeligibilityAmount = 0; }));

        var both = await _client.TriggerAsync(new { campaign_id = campaign.CampaignId, broadcast = true, recipients = new[] { new { external_user_id = "u" } } });
        var answers = new List<Answer>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await _client.TriggerAsync(new { campaign_id = campaign.CampaignId, broadcast = true }));
        }

        Assert.Equal(HttpStatusCode.BadRequest, both.Status);
        Assert.Contains("cannot be combined with recipients", both.Errors.Single());
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], answers.Select(a => a.Status));
        Assert.Equal("Rate Limited", answers[3].Message);
    }

    [Fact]
    public async Task Broadcast_OfANewCampaignWithNoUsers_CompletesAtOnce()
    {
        var campaign = await _factory.LaunchAsync(Campaign());

        var answer = await _client.TriggerAsync(new { campaign_id = campaign.CampaignId, broadcast = true });

        var done = await FinishedAsync(answer.DispatchId);
        Assert.Equal((BroadcastStatus.Completed, 0, 0), (done.Status, done.Total, done.Processed));
    }

    [Fact]
    public async Task Broadcast_RunningWhenTheServerStopped_ResumesAtTheNextStart()
    {
        var path = Path.Combine(Path.GetTempPath(), $"brazelite-resume-{Guid.NewGuid():N}.db");
        string dispatchId;
        await using (var before = new DashboardApiFactory(path, keepDatabase: true))
        {
            var client = before.CreateApiClient();
            var campaign = await before.LaunchAsync(Campaign(f => f.Channels = [new ChannelForm { Channel = Channel.Email }]));
            var users = Enumerable.Range(0, 12).Select(i => new Dictionary<string, object> { ["external_id"] = $"r-{i}", ["email"] = $"r-{i}@example.com" });
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/users/track", JsonSerializer.Serialize(new { attributes = users }))).Status);
            // As the writer leaves it when the process dies right after accepting: the dispatch and a broadcast not started.
            dispatchId = Guid.CreateVersion7().ToString("N");
            await before.ReadAsync(async db =>
            {
                var rowId = await db.Campaigns.Where(c => c.CampaignId == campaign.CampaignId).Select(c => c.Id).SingleAsync();
                db.Dispatches.Add(new DispatchEntity { DispatchId = dispatchId, Kind = DispatchKind.TriggerSend, CampaignRowId = rowId, Broadcast = true, Recipients = 12, SendId = dispatchId, ReceivedAt = DateTimeOffset.UtcNow });
                db.Broadcasts.Add(new BroadcastEntity { DispatchId = dispatchId, Kind = DispatchKind.TriggerSend, CampaignRowId = rowId, Status = BroadcastStatus.Running, Total = 12, Payload = new BroadcastPayload().ToJson(), StartedAt = DateTimeOffset.UtcNow });
                return await db.SaveChangesAsync();
            });
        }

        await using var after = new DashboardApiFactory(path);
        after.Settings["Ingest:BroadcastChunk"] = "5";
        after.CreateApiClient();
        BroadcastEntity done = null!;
        for (var i = 0; i < 200 && (done = await after.ReadAsync(db => db.Broadcasts.AsNoTracking().SingleAsync(b => b.DispatchId == dispatchId))).Status == BroadcastStatus.Running; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal((BroadcastStatus.Completed, 12, 12), (done.Status, done.Processed, done.Reached));
        Assert.Equal(12, await after.ReadAsync(db => db.Messages.CountAsync(m => m.DispatchId == dispatchId && m.Status == MessageStatus.Accepted)));
    }
}
