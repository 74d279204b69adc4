using Dashboard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Data;

/// <summary>
/// A private in-memory SQLite database, migrated with the real migrations. It lives as long as its one open
/// connection; every context the factory hands out shares that connection.
/// </summary>
public sealed class SqliteTestDatabase : IDbContextFactory<DashboardDbContext>, IAsyncDisposable, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly DbContextOptions<DashboardDbContext> _options;

    private SqliteTestDatabase()
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        _options = new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite(_connection).Options;
    }

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var database = new SqliteTestDatabase();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public DashboardDbContext CreateDbContext() => new(_options);

    public async Task<int> CountAsync()
    {
        await using var db = CreateDbContext();
        return await db.Campaigns.CountAsync();
    }

    public async Task<CampaignEntity> LoadAsync(string campaignId)
    {
        await using var db = CreateDbContext();
        return await db.Campaigns.AsNoTracking().SingleAsync(c => c.CampaignId == campaignId);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    public void Dispose() => _connection.Dispose();
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
