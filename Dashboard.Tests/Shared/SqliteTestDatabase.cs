using BrazeLite.Core.Data;
using BrazeLite.Core.Campaigns.Storage;
using BrazeLite.Core.Samples.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dashboard.Tests.Shared;

/// <summary>
/// A private in-memory SQLite database, migrated with the real migrations. It lives as long as its one open
/// connection; every context the factory hands out shares that connection.
/// </summary>
public sealed class SqliteTestDatabase : IDbContextFactory<BrazeLiteDbContext>, IAsyncDisposable, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly DbContextOptions<BrazeLiteDbContext> _options;

    private SqliteTestDatabase()
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        _options = new DbContextOptionsBuilder<BrazeLiteDbContext>()
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

    /// <summary>A database migrated to the latest migration, or to <paramref name="migration"/> (to test an upgrade).</summary>
    public static async Task<SqliteTestDatabase> CreateAsync(string? migration = null)
    {
        var database = new SqliteTestDatabase();
        await using var db = database.CreateDbContext();
        await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(migration);
        return database;
    }

    public BrazeLiteDbContext CreateDbContext() => new(_options);

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

    /// <summary>
    /// Inserts rows with one prepared command in one transaction, bypassing change tracking (which would dominate a
    /// large set-up). The columns and their conversions come from the EF model, so the schema is stated once.
    /// </summary>
    public async Task InsertAsync<T>(IEnumerable<T> rows) where T : class
    {
        await using var db = CreateDbContext();
        var entityType = db.Model.FindEntityType(typeof(T))!;
        var properties = entityType.GetProperties().Where(p => p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never || !p.IsPrimaryKey()).ToList();
        await using var transaction = _connection.BeginTransaction();
        await using var insert = _connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO \"{entityType.GetTableName()}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""))}) "
            + $"VALUES ({string.Join(", ", properties.Select((_, i) => $"$p{i}"))})";
        var parameters = properties.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToList();
        foreach (var row in rows)
        {
            for (var i = 0; i < properties.Count; i++)
            {
                var value = properties[i].GetGetter().GetClrValue(row);
                var converter = properties[i].GetTypeMapping().Converter;
                parameters[i].Value = (converter is null || value is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
            }
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    /// <summary>Runs SQL as it is written (no placeholders), e.g. rows in a shape an older migration left.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
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
