using System.Diagnostics;
using System.Text.Json.Nodes;
using BrazeLite.Core;
using BrazeLite.Core.Ingest;
using BrazeLite.Core.Ingest.Storage;
using BrazeLite.Core.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BrazeLite.LoadTest;

/// <summary>
/// The writer alone, without HTTP: trigger commands for new users run in batches straight on the store, to see what
/// the database side costs per request and per commit.
/// </summary>
public static class WriterBench
{
    public static async Task RunAsync(string database, string campaignId, int count, int batch)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Dashboard"] = $"Data Source={database}" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddBrazeLiteCore();
        using var host = builder.Build();
        var target = (await host.Services.GetRequiredService<CampaignDirectory>().FindAsync(campaignId))!;
        using var store = new SqliteIngestStore($"Data Source={database}");
        var caller = new SendCaller("bench");
        var commits = new List<double>();
        // Checkpoints beside the commits, as the server's writer runs them (every Ingest:CheckpointIntervalMs by default).
        using var stop = new CancellationTokenSource();
        var checkpoints = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(new IngestOptions().CheckpointIntervalMs));
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    store.Checkpoint();
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        var watch = Stopwatch.StartNew();
        for (var b = 0; b < count / batch; b++)
        {
            var session = new IngestSession(store, DateTimeOffset.UtcNow);
            store.Begin();
            for (var i = 0; i < batch; i++)
            {
                var id = $"bench-{b * batch + i:D9}";
                var attributes = new JsonObject { ["first_name"] = "Ana", ["email"] = id + "@example.com", ["phone"] = "+15555550100" };
                var request = new TriggerSendRequest(campaignId, [new TriggerRecipient(UserKey.External(id), null, false, attributes)],
                    new JsonObject { ["product"] = "Mug", ["price"] = 12.5 });
                new TriggerSendCommand(request, target, caller).Execute(session);
            }
            var commit = Stopwatch.StartNew();
            store.Commit();
            store.Flush(); // durable before an answer, as in the server (there the flush runs beside the next batch)
            commits.Add(commit.Elapsed.TotalMilliseconds);
        }
        var elapsed = watch.Elapsed;
        await stop.CancelAsync();
        await checkpoints;
        commits.Sort();
        Console.WriteLine($"| {batch} | {count / elapsed.TotalSeconds:N0} | {elapsed.TotalMilliseconds * 1000 / count:0} | {commits[commits.Count / 2]:0.00} | {commits[commits.Count * 9 / 10]:0.00} |");
    }
}
