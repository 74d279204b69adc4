using System.Net;
using BrazeLite.Core.Ingest;
using BrazeLite.Core.Ingest.Storage;
using Dashboard.Tests.Shared.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Dashboard.Tests.Api.Sends.SendTestSupport;

namespace Dashboard.Tests.Api.Sends;

/// <summary>
/// A 2xx from a send endpoint means committed and on disk: the writer commits, then the answer waits for the flush of
/// the WAL, which the writer does not wait for (docs/decisions/0005).
/// </summary>
public sealed class DurableAnswerTests : IAsyncLifetime
{
    private readonly DashboardApiFactory _factory = new();
    private GatedFlushStore? _store;

    public DurableAnswerTests()
    {
        _factory.ReplaceServices = services => services.AddSingleton<IIngestStoreFactory>(sp => new GatedStores(this,
            new SqliteIngestStoreFactory(sp.GetRequiredService<IOptions<BrazeLite.Core.Data.DatabaseOptions>>())));
    }

    private GatedFlushStore Store => _store ?? throw new InvalidOperationException("the writer has not opened its store yet");

    private sealed class GatedStores(DurableAnswerTests test, IIngestStoreFactory real) : IIngestStoreFactory
    {
        public IIngestStore Open() => test._store = new GatedFlushStore(real.Open());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _factory.DisposeAsync().AsTask();

    [Fact]
    public async Task Trigger_IsAnsweredOnlyOnceTheDiskHasConfirmedTheCommittedRows()
    {
        var client = _factory.CreateApiClient();
        var campaign = await _factory.LaunchAsync(Campaign());
        var flushedBefore = Store.Flushes;
        Store.Close();

        var answering = client.TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { NewUser("durable-1") } });

        // The rows are committed (another connection reads them) while the answer still waits for the disk.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await _factory.MessagesOfAsync(campaign.CampaignId!)).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.NotEmpty(await _factory.MessagesOfAsync(campaign.CampaignId!));
        await Task.Delay(200);
        Assert.False(answering.IsCompleted, "the 201 was sent before the flush");

        Store.Open();
        var answer = await answering;

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.True(Store.Flushes > flushedBefore);
        var messages = await _factory.MessagesOfAsync(campaign.CampaignId!);
        Assert.All(messages, m => Assert.Equal(answer.DispatchId, m.DispatchId));
    }

    [Fact]
    public async Task Trigger_WhenTheDiskFailsToConfirm_Is500SayingToRetryWithTheIdempotencyKey_AndTheRetryReplaysTheAnswer()
    {
        var client = _factory.CreateApiClient();
        var campaign = await _factory.LaunchAsync(Campaign());
        var body = new { campaign_id = campaign.CampaignId, recipients = new[] { NewUser("durable-2") } };
        Store.FailNext();

        var failed = await client.TriggerAsync(body, idempotencyKey: "retry-after-disk-error");

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Equal("Internal Server Error", failed.Message);
        Assert.Contains("the disk did not confirm it; retry with the same Idempotency-Key", failed.Body.GetProperty("errors")[0].GetString());

        // The rows were committed before the flush failed: the retry gets the first outcome and sends nothing twice.
        var retried = await client.TriggerAsync(body, idempotencyKey: "retry-after-disk-error");
        Assert.Equal(HttpStatusCode.Created, retried.Status);
        var messages = await _factory.MessagesOfAsync(campaign.CampaignId!);
        Assert.Equal(campaign.Channels.Count, messages.Count);
        Assert.All(messages, m => Assert.Equal(retried.DispatchId, m.DispatchId));
        Assert.Equal(1, await _factory.ReadAsync(db => db.Dispatches.AsNoTracking().CountAsync(d => d.DispatchId == retried.DispatchId)));
    }

    [Fact]
    public async Task Trigger_RowsReachTheDatabaseFileItself_CheckpointedBesideTheWriter()
    {
        var client = _factory.CreateApiClient();
        var campaign = await _factory.LaunchAsync(Campaign());
        var answer = await client.TriggerAsync(new { campaign_id = campaign.CampaignId, recipients = new[] { NewUser("checkpointed-1") } });
        Assert.Equal(HttpStatusCode.Created, answer.Status);

        // SQLite alone would leave a handful of pages in the WAL until it held 10,000; the writer's checkpoint loop copies
        // them into the database file within its interval. A copy of that file alone (no WAL) shows what it holds.
        var copy = Path.Combine(Path.GetTempPath(), $"brazelite-checkpoint-{Guid.NewGuid():N}.db");
        try
        {
            var found = 0L;
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (found == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
                File.Copy(_factory.DatabasePath, copy, overwrite: true);
                try
                {
                    found = await CountInFileAsync(copy, answer.DispatchId);
                }
                catch (Microsoft.Data.Sqlite.SqliteException)
                {
                    // A copy taken while a checkpoint was writing the file: take another.
                }
            }
            Assert.Equal(1, found);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    /// <summary>The dispatch's rows in a copy of the database file alone; 0 while the file does not hold them (or its schema) yet.</summary>
    private static async Task<long> CountInFileAsync(string path, string dispatchId)
    {
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        await db.OpenAsync();
        await using var tables = db.CreateCommand();
        tables.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'Dispatches'";
        if ((long)(await tables.ExecuteScalarAsync())! == 0)
        {
            return 0; // until a checkpoint, even the schema may be only in the WAL
        }
        await using var count = db.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Dispatches WHERE DispatchId = $id";
        count.Parameters.AddWithValue("$id", dispatchId);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
