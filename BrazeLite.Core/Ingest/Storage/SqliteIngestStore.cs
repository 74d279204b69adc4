using System.Text.Json.Nodes;
using BrazeLite.Core.Users;
using BrazeLite.Core.Users.Storage;
using Microsoft.Data.Sqlite;

namespace BrazeLite.Core.Ingest.Storage;

/// <summary>
/// The ingest store on SQLite: the only place the send path writes SQL. One connection in WAL mode with
/// <c>synchronous=NORMAL</c>, so a commit writes its frames to the WAL without waiting for the disk, and
/// <see cref="Flush"/> then makes every commit so far durable with one fsync of the WAL (the writer calls it before
/// answering, off its own thread: a batch survives a crash of the machine, not only of the process). Statements are
/// prepared once and reused with positional parameters (<see cref="SqliteStatement"/>), foreign keys not re-checked on
/// this connection. The tables are EF Core's (same names, UTC ticks for times, enums as their names). The WAL is copied
/// into the database by <see cref="Checkpoint"/> on a second connection, so the writer's commits do not stop for it.
/// </summary>
public sealed class SqliteIngestStore : IIngestStore
{
    private readonly SqliteConnection _connection;
    private readonly bool _ownsConnection;
    private readonly Dictionary<string, SqliteStatement> _statements = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;
    private readonly string? _walPath;
    private readonly Lock _walLock = new();
    private Microsoft.Win32.SafeHandles.SafeFileHandle? _wal;
    private readonly Lock _checkpointLock = new();
    private SqliteConnection? _checkpointer;

    /// <summary>
    /// The WAL size in pages at which a commit on the writer's connection checkpoints by itself. By then the background
    /// <see cref="Checkpoint"/> has copied nearly every frame, so the writer's checkpoint is short, and it rewinds the WAL
    /// (a passive checkpoint beside a busy writer seldom finds the log fully copied at the moment a transaction starts).
    /// </summary>
    public const int WriterCheckpointPages = 10_000;

    public SqliteIngestStore(string connectionString) : this(new SqliteConnection(connectionString), ownsConnection: true)
    {
    }

    /// <summary>On an open connection the caller owns (tests share their in-memory database this way).</summary>
    public SqliteIngestStore(SqliteConnection connection, bool ownsConnection = false)
    {
        _connection = connection;
        _ownsConnection = ownsConnection;
        if (_connection.State != System.Data.ConnectionState.Open)
        {
            _connection.Open();
        }
        Execute("PRAGMA journal_mode = WAL;");
        // Commits do not wait for the disk here; Flush does, once for every commit made since the last one
        // (docs/decisions/0005). Checkpoints still sync the WAL before and the database after, as NORMAL always does.
        Execute("PRAGMA synchronous = NORMAL;");
        Execute("PRAGMA busy_timeout = 5000;");
        // The writer makes every reference it writes from rows it has just read or written, so it skips SQLite's checks
        // of them (a parent lookup per reference); the dashboard's connections keep them, and the cascades with them.
        Execute("PRAGMA foreign_keys = OFF;");
        // A larger page cache keeps the hot index pages of the send path in memory between batches.
        Execute("PRAGMA cache_size = -65536;");
        // SQLite's automatic checkpoint would run inside a commit, on the writer's thread, with two fsyncs; Checkpoint does
        // that work beside the writer, which keeps this only as a safety net (docs/decisions/0005).
        Execute($"PRAGMA wal_autocheckpoint = {WriterCheckpointPages};");
        var file = SQLitePCL.raw.sqlite3_db_filename(_connection.Handle!, "main").utf8_to_string();
        _walPath = string.IsNullOrEmpty(file) ? null : file + "-wal";
    }

    public void Begin() => _transaction = _connection.BeginTransaction(deferred: false);

    public void Commit()
    {
        _transaction!.Commit();
        _transaction.Dispose();
        _transaction = null;
    }

    public void Rollback()
    {
        if (_transaction is null)
        {
            return;
        }
        try
        {
            _transaction.Rollback();
        }
        catch (SqliteException)
        {
            // Already rolled back by SQLite (for instance after a failed COMMIT).
        }
        _transaction.Dispose();
        _transaction = null;
    }

    private const string UserColumns =
        "Id, UserId, ExternalId, Email, AliasName, AliasLabel, Attributes, CustomAttributes, EmailSubscribe, PushSubscribe, SubscriptionGroups, CreatedAt, UpdatedAt";

    public UserProfile? FindUser(UserKey key)
    {
        var statement = key.Kind switch
        {
            UserKeyKind.ExternalId => Statement($"SELECT {UserColumns} FROM Users WHERE ExternalId = ?1").Bind(key.Value),
            UserKeyKind.Email => Statement($"SELECT {UserColumns} FROM Users WHERE Email = ?1 ORDER BY UpdatedAt DESC, Id DESC LIMIT 1").Bind(key.Value),
            UserKeyKind.Alias => Statement($"SELECT {UserColumns} FROM Users WHERE AliasName = ?1 AND AliasLabel = ?2").Bind(key.Value, key.Label ?? ""),
            _ => Statement($"SELECT {UserColumns} FROM Users WHERE UserId = ?1").Bind(key.Value),
        };
        try
        {
            return statement.Read() ? ReadUser(statement) : null;
        }
        finally
        {
            statement.Reset();
        }
    }

    public IReadOnlyList<UserProfile> UsersAfter(int rowId, int count)
    {
        var statement = Statement($"SELECT {UserColumns} FROM Users WHERE Id > ?1 ORDER BY Id LIMIT ?2").Bind(rowId, count);
        var users = new List<UserProfile>(count);
        try
        {
            while (statement.Read())
            {
                users.Add(ReadUser(statement));
            }
        }
        finally
        {
            statement.Reset();
        }
        return users;
    }

    public int CountUsers() => (int)(Statement("SELECT COUNT(*) FROM Users").ScalarInt64() ?? 0);

    public void AddBroadcast(BroadcastEntity row)
    {
        var command = Statement("INSERT INTO Broadcasts (DispatchId, Kind, CampaignRowId, Payload, Status, Total, Processed, Reached, LastUserRowId, Note, StartedAt, FinishedAt) "
            + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
        command.Bind([
            row.DispatchId, row.Kind.ToString(), row.CampaignRowId, row.Payload, row.Status.ToString(), row.Total, row.Processed, row.Reached,
            row.LastUserRowId, row.Note, row.StartedAt.UtcTicks, row.FinishedAt?.UtcTicks,
        ]);
        command.Run();
    }

    public void UpdateBroadcast(BroadcastEntity row)
    {
        var command = Statement("UPDATE Broadcasts SET Status = ?1, Processed = ?2, Reached = ?3, LastUserRowId = ?4, Note = ?5, FinishedAt = ?6 WHERE DispatchId = ?7");
        command.Bind([row.Status.ToString(), row.Processed, row.Reached, row.LastUserRowId, row.Note, row.FinishedAt?.UtcTicks, row.DispatchId]);
        command.Run();
    }

    private static UserProfile ReadUser(SqliteStatement row) => UserStorage.ToProfile(new UserEntity
    {
        Id = row.Int32(0),
        UserId = row.Text(1),
        ExternalId = row.TextOrNull(2),
        Email = row.TextOrNull(3),
        AliasName = row.TextOrNull(4),
        AliasLabel = row.TextOrNull(5),
        Attributes = row.Text(6),
        CustomAttributes = row.Text(7),
        EmailSubscribe = row.TextOrNull(8),
        PushSubscribe = row.TextOrNull(9),
        SubscriptionGroups = row.Text(10),
        CreatedAt = Time(row.Int64(11)),
        UpdatedAt = Time(row.Int64(12)),
    });

    public void SaveUser(UserProfile profile, ProfileJson? json = null)
    {
        json ??= ProfileJson.Of(profile);
        object?[] values =
        [
            profile.UserId, profile.ExternalId, profile.Email, profile.AliasName, profile.AliasLabel,
            json.Attributes, json.CustomAttributes,
            profile.EmailSubscribe is { } e ? SubscriptionStates.ToApi(e) : null,
            profile.PushSubscribe is { } p ? SubscriptionStates.ToApi(p) : null,
            json.SubscriptionGroups, profile.CreatedAt.UtcTicks, profile.UpdatedAt.UtcTicks,
        ];
        if (profile.IsNew)
        {
            // The new row's id from sqlite3_last_insert_rowid: RETURNING would collect the row in a temporary table first.
            var insert = Statement("INSERT INTO Users (UserId, ExternalId, Email, AliasName, AliasLabel, Attributes, CustomAttributes, EmailSubscribe, PushSubscribe, SubscriptionGroups, CreatedAt, UpdatedAt) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
            insert.Bind(values).Run();
            profile.RowId = (int)LastInsertRowId();
            return;
        }
        var update = Statement("UPDATE Users SET UserId = ?1, ExternalId = ?2, Email = ?3, AliasName = ?4, AliasLabel = ?5, Attributes = ?6, CustomAttributes = ?7, "
            + "EmailSubscribe = ?8, PushSubscribe = ?9, SubscriptionGroups = ?10, CreatedAt = ?11, UpdatedAt = ?12 WHERE Id = ?13");
        update.Bind([.. values, profile.RowId]);
        update.Run();
    }

    public void AddEvent(UserEventEntity row)
    {
        var command = Statement("INSERT INTO UserEvents (UserRowId, Name, Time, AppId, Properties, ReceivedAt) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        command.Bind([row.UserRowId, row.Name, row.Time.UtcTicks, row.AppId, row.Properties, row.ReceivedAt.UtcTicks]);
        command.Run();
    }

    public void AddPurchase(UserPurchaseEntity row)
    {
        var command = Statement("INSERT INTO UserPurchases (UserRowId, ProductId, Currency, Price, Quantity, Time, Properties, ReceivedAt) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        command.Bind([row.UserRowId, row.ProductId, row.Currency, (double)row.Price, row.Quantity, row.Time.UtcTicks, row.Properties, row.ReceivedAt.UtcTicks]);
        command.Run();
    }

    public void AddDispatch(DispatchEntity row)
    {
        var command = Statement("INSERT INTO Dispatches (DispatchId, Kind, CampaignRowId, SendId, RequestId, ApiKeyId, Broadcast, Recipients, Errors, ReceivedAt) "
            + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        command.Bind([row.DispatchId, row.Kind.ToString(), row.CampaignRowId, row.SendId, row.RequestId, row.ApiKeyId, row.Broadcast ? 1 : 0, row.Recipients, row.Errors, row.ReceivedAt.UtcTicks]);
        command.Run();
    }

    public void AddMessage(MessageEntity row)
    {
        var command = Statement("INSERT INTO Messages (DispatchId, CampaignRowId, VariationId, VariantName, Channel, UserRowId, Recipient, Status, Reason, TriggerProperties, Content, CreatedAt) "
            + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
        command.Bind([
            row.DispatchId, row.CampaignRowId, row.VariationId, row.VariantName, row.Channel?.ToString(), row.UserRowId, row.Recipient,
            row.Status.ToString(), row.Reason, row.TriggerProperties, row.Content, row.CreatedAt.UtcTicks,
        ]);
        command.Run();
    }

    public long LastMessageId() => LastInsertRowId();

    public DateTimeOffset? LastReceived(int campaignRowId, int userRowId)
    {
        var command = Statement("SELECT LastReceivedAt FROM CampaignReceipts WHERE CampaignRowId = ?1 AND UserRowId = ?2");
        return command.Bind([campaignRowId, userRowId]).ScalarInt64() is long ticks ? Time(ticks) : null;
    }

    public void RecordReceipt(int campaignRowId, int userRowId, DateTimeOffset at)
    {
        var command = Statement("INSERT INTO CampaignReceipts (CampaignRowId, UserRowId, FirstReceivedAt, LastReceivedAt, Count) VALUES (?1, ?2, ?3, ?3, 1) "
            + "ON CONFLICT (CampaignRowId, UserRowId) DO UPDATE SET LastReceivedAt = excluded.LastReceivedAt, Count = Count + 1");
        command.Bind([campaignRowId, userRowId, at.UtcTicks]);
        command.Run();
    }

    public IdempotencyKeyEntity? FindAnswer(string apiKeyId, string key)
    {
        var command = Statement("SELECT RequestHash, StatusCode, Response, CreatedAt FROM IdempotencyKeys WHERE ApiKeyId = ?1 AND Key = ?2");
        command.Bind([apiKeyId, key]);
        try
        {
            return command.Read()
                ? new IdempotencyKeyEntity
                {
                    ApiKeyId = apiKeyId,
                    Key = key,
                    RequestHash = command.Text(0),
                    StatusCode = command.Int32(1),
                    Response = command.Text(2),
                    CreatedAt = Time(command.Int64(3)),
                }
                : null;
        }
        finally
        {
            command.Reset();
        }
    }

    public void SaveAnswer(IdempotencyKeyEntity row)
    {
        var command = Statement("INSERT INTO IdempotencyKeys (ApiKeyId, Key, RequestHash, StatusCode, Response, CreatedAt) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        command.Bind([row.ApiKeyId, row.Key, row.RequestHash, row.StatusCode, row.Response, row.CreatedAt.UtcTicks]);
        command.Run();
    }

    public void AddApiRequest(ApiRequestEntity row)
    {
        var command = Statement("INSERT INTO ApiRequests (ReceivedAt, Endpoint, StatusCode, Message, Errors, ApiKeyId, CampaignId) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        command.Bind([row.ReceivedAt.UtcTicks, row.Endpoint, row.StatusCode, row.Message, row.Errors, row.ApiKeyId, row.CampaignId]);
        command.Run();
    }

    /// <summary>
    /// Makes every transaction committed so far durable: one fsync of the WAL, which holds their frames (fsync flushes the
    /// file, whichever descriptor wrote it). The WAL is opened once and kept open: closing a descriptor of a file SQLite
    /// has open could drop SQLite's own POSIX locks on it. Safe to call from another thread than the one committing.
    /// </summary>
    public void Flush()
    {
        if (_walPath is null)
        {
            return; // an in-memory database has nothing on disk to sync
        }
        lock (_walLock)
        {
            _wal ??= File.OpenHandle(_walPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            RandomAccess.FlushToDisk(_wal);
        }
    }

    /// <summary>
    /// A passive checkpoint on a second connection: copies the committed WAL frames into the database file (syncing both,
    /// as NORMAL does) while the writer goes on appending; the writer rewinds the WAL once everything in it is copied.
    /// </summary>
    public void Checkpoint()
    {
        if (_walPath is null)
        {
            return;
        }
        lock (_checkpointLock)
        {
            if (_checkpointer is null)
            {
                var connection = new SqliteConnection(_connection.ConnectionString);
                connection.Open();
                using var busy = connection.CreateCommand();
                busy.CommandText = "PRAGMA busy_timeout = 5000;";
                busy.ExecuteNonQuery();
                _checkpointer = connection;
            }
            try
            {
                using var command = _checkpointer.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                command.ExecuteNonQuery();
            }
            catch
            {
                // The next call opens a fresh connection rather than trusting this one again.
                _checkpointer.Dispose();
                _checkpointer = null;
                throw;
            }
        }
    }

    public void Dispose()
    {
        Rollback();
        lock (_checkpointLock)
        {
            _checkpointer?.Dispose();
            _checkpointer = null;
        }
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }
        if (_ownsConnection)
        {
            _connection.Dispose();
        }
        lock (_walLock)
        {
            _wal?.Dispose();
            _wal = null;
        }
    }

    private static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    private long LastInsertRowId() => SQLitePCL.raw.sqlite3_last_insert_rowid(_connection.Handle!);

    private SqliteStatement Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new SqliteStatement(_connection, sql);
            _statements[sql] = statement;
        }
        return statement;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>Opens the writer's store on the configured database.</summary>
public sealed class SqliteIngestStoreFactory(Microsoft.Extensions.Options.IOptions<Data.DatabaseOptions> database) : IIngestStoreFactory
{
    public IIngestStore Open() => new SqliteIngestStore(database.Value.ConnectionString!);
}
