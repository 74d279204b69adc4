using Dashboard.Campaigns;
using BrazeLite.Core.Data;
using BrazeLite.Core.Campaigns.Storage;
using BrazeLite.Core.Samples.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Core.Data;

public sealed class BrazeLiteDbContextTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Migrations_MatchTheModel_NoPendingChanges()
    {
        await using var db = _database.CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run dotnet ef migrations add.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Migrate_FileDatabase_CreatesTheFileWithCampaignTable()
    {
        var path = Path.Combine(Path.GetTempPath(), $"brazelite-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<BrazeLiteDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
            await using (var db = new BrazeLiteDbContext(options))
            {
                await db.Database.MigrateAsync();
                Assert.Equal(0, await db.Campaigns.CountAsync());
            }
            Assert.True(File.Exists(path));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Save_StaleVersion_ThrowsConcurrencyException()
    {
        var id = Ids.NewId();
        await using (var db = _database.CreateDbContext())
        {
            db.Campaigns.Add(new CampaignEntity { CampaignId = id, Name = "A", NormalizedName = "a", Version = Guid.NewGuid() });
            await db.SaveChangesAsync();
        }
        await using var first = _database.CreateDbContext();
        await using var second = _database.CreateDbContext();
        var a = await first.Campaigns.SingleAsync(c => c.CampaignId == id);
        var b = await second.Campaigns.SingleAsync(c => c.CampaignId == id);
        a.Description = "first";
        a.Version = Guid.NewGuid();
        b.Description = "second";
        b.Version = Guid.NewGuid();

        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal("first", (await _database.LoadAsync(id)).Description);
    }

    [Fact]
    public async Task Insert_DuplicateCampaignId_IsRefused()
    {
        var id = Ids.NewId();
        await using var db = _database.CreateDbContext();
        db.Campaigns.Add(new CampaignEntity { CampaignId = id, Name = "A", NormalizedName = "a", Version = Guid.NewGuid() });
        db.Campaigns.Add(new CampaignEntity { CampaignId = id, Name = "B", NormalizedName = "b", Version = Guid.NewGuid() });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Insert_VariationPercentageOutOfRange_IsRefusedByCheckConstraint()
    {
        await using var db = _database.CreateDbContext();
        db.Campaigns.Add(new CampaignEntity
        {
            CampaignId = Ids.NewId(), Name = "A", NormalizedName = "a", Version = Guid.NewGuid(),
            Variations = [new CampaignVariationEntity { Kind = VariationKind.Control, VariationId = Ids.NewId(), Name = "Control group", Percentage = 101 }],
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task UpdatedAt_StoredAsUtcTicks_KeepsInstantAcrossOffsets()
    {
        var id = Ids.NewId();
        var local = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.FromHours(2));
        await using (var db = _database.CreateDbContext())
        {
            db.Campaigns.Add(new CampaignEntity { CampaignId = id, Name = "A", NormalizedName = "a", UpdatedAt = local, Version = Guid.NewGuid() });
            await db.SaveChangesAsync();
        }

        var stored = (await _database.LoadAsync(id)).UpdatedAt;

        Assert.Equal(local, stored);
        Assert.Equal(TimeSpan.Zero, stored.Offset);
    }
}
