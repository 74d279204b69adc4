using BrazeLite.Core.Delivery;
using static Dashboard.Tests.Api.Sends.SendTestSupport;
using Reply = Dashboard.Tests.Delivery.TestHttpProvider.Reply;

namespace Dashboard.Tests.Delivery;

/// <summary>A stop in the middle of a hand-over: the next start sends the message again, recorded as a retry of an interrupted attempt.</summary>
public sealed class DeliveryResumeTests
{
    [Fact]
    public async Task Restart_WhileAWebhookIsInFlight_TheNextStartDeliversItOnceMoreAndRecordsTheInterruption()
    {
        await using var provider = await TestHttpProvider.StartAsync();
        provider.Then(new Reply(200, Delay: TimeSpan.FromMinutes(1)));
        var database = Path.Combine(Path.GetTempPath(), $"brazelite-resume-{Guid.NewGuid():N}.db");
        (string, string)[] settings = [("Delivery:Webhook:Live", "true"), ("Delivery:Webhook:Timeout", "00:02:00")];
        string campaignId;
        try
        {
            await using (var first = Configure(new DashboardApiFactory(database, keepDatabase: true), settings))
            {
                var campaign = await first.LaunchAsync(Campaign(f =>
                {
                    DeliveryTestSupport.OnlyChannels(f, Channel.Webhook);
                    f.Variants[0].Messages[0][WebhookFields.Url] = provider.BaseUrl + "/hook";
                }));
                campaignId = campaign.CampaignId!;
                await first.CreateApiClient().TriggerAsync(new { campaign_id = campaignId, recipients = new[] { NewUser($"u-{Guid.NewGuid():N}") } });
                await provider.WaitForAsync(1); // handed over, and the provider holds the answer back: now the process stops
            }

            await using var second = Configure(new DashboardApiFactory(database), settings);
            second.CreateClient().Dispose(); // starts the host, and with it the dispatcher

            var delivered = (await second.WaitForDeliveriesAsync(campaignId, 1)).Single();
            Assert.Equal(DeliveryState.Delivered, delivered.Delivery.State);
            Assert.Equal(2, delivered.Delivery.Attempts);
            Assert.Equal([DeliveryQueue.InterruptedOutcome, "200 OK"], delivered.Attempts.Select(a => a.Outcome));
            Assert.True(delivered.Attempts[0].Retried);
            Assert.Equal(2, provider.Requests.Count);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }

    private static DashboardApiFactory Configure(DashboardApiFactory factory, (string Key, string Value)[] settings)
    {
        factory.Settings["Delivery:PollInterval"] = "00:00:00.050";
        foreach (var (key, value) in settings)
        {
            factory.Settings[key] = value;
        }
        return factory;
    }
}
