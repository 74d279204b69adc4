using Dashboard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
        _options = new DbContextOptionsBuilder<DashboardDbContext>()
            .UseSqlite(_connection)
            .AddInterceptors(new CommandRecorder(Commands), new BeforeSaveHook(this))
            .Options;
    }

    /// <summary>Runs once, just before the next SaveChanges writes: lets a test slip in another writer's change.</summary>
    public Func<SqliteConnection, Task>? BeforeNextSave { get; set; }

    internal async Task RunBeforeSaveAsync()
    {
        if (BeforeNextSave is { } hook)
        {
            BeforeNextSave = null;
            await hook(_connection);
        }
    }

    /// <summary>Every command the contexts ran, with its parameters, so tests can ask SQLite for its plan.</summary>
    public List<RecordedCommand> Commands { get; } = [];

    /// <summary>SQLite's <c>EXPLAIN QUERY PLAN</c> for a recorded command, one line per step.</summary>
    public async Task<List<string>> ExplainAsync(RecordedCommand recorded)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + recorded.Sql;
        foreach (var (name, value) in recorded.Parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }
        return plan;
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

public sealed record RecordedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

internal sealed class CommandRecorder(List<RecordedCommand> commands) : DbCommandInterceptor
{
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        lock (commands)
        {
            commands.Add(new RecordedCommand(command.CommandText,
                command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
        }
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}

internal sealed class BeforeSaveHook(SqliteTestDatabase database) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        await database.RunBeforeSaveAsync();
        return result;
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
