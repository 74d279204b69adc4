using System.Text.Json.Nodes;
using BrazeLite.Core.Users;
using BrazeLite.Core.Users.Storage;
using Microsoft.Data.Sqlite;

namespace BrazeLite.Core.Ingest.Storage;

/// <summary>
/// The ingest store on SQLite: the only place the send path writes SQL. One connection in WAL mode with
/// <c>synchronous=FULL</c> (a committed batch survives a crash of the machine, not only of the process), statements
/// prepared once and reused, foreign keys not re-checked on this connection. The tables are EF Core's (same names,
/// UTC ticks for times, enums as their names).
/// </summary>
public sealed class SqliteIngestStore : IIngestStore
{
    private readonly SqliteConnection _connection;
    private readonly bool _ownsConnection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;

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
        Execute("PRAGMA synchronous = FULL;");
        Execute("PRAGMA busy_timeout = 5000;");
        // The writer makes every reference it writes from rows it has just read or written, so it skips SQLite's checks
        // of them (a parent lookup per reference); the dashboard's connections keep them, and the cascades with them.
        Execute("PRAGMA foreign_keys = OFF;");
        // A larger page cache keeps the hot index pages of the send path in memory between batches.
        Execute("PRAGMA cache_size = -65536;");
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
        var command = key.Kind switch
        {
            UserKeyKind.ExternalId => Command($"SELECT {UserColumns} FROM Users WHERE ExternalId = $a", "$a"),
            UserKeyKind.Email => Command($"SELECT {UserColumns} FROM Users WHERE Email = $a ORDER BY UpdatedAt DESC, Id DESC LIMIT 1", "$a"),
            UserKeyKind.Alias => Command($"SELECT {UserColumns} FROM Users WHERE AliasName = $a AND AliasLabel = $b", "$a", "$b"),
            _ => Command($"SELECT {UserColumns} FROM Users WHERE UserId = $a", "$a"),
        };
        command.Parameters[0].Value = key.Value;
        if (key.Kind == UserKeyKind.Alias)
        {
            command.Parameters[1].Value = key.Label ?? "";
        }
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadUser(reader) : null;
    }

    public IReadOnlyList<UserProfile> UsersAfter(int rowId, int count)
    {
        var command = Command($"SELECT {UserColumns} FROM Users WHERE Id > $a ORDER BY Id LIMIT $b", "$a", "$b");
        command.Parameters[0].Value = rowId;
        command.Parameters[1].Value = count;
        var users = new List<UserProfile>(count);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            users.Add(ReadUser(reader));
        }
        return users;
    }

    public int CountUsers() => Convert.ToInt32(Command("SELECT COUNT(*) FROM Users").ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

    public void AddBroadcast(BroadcastEntity row)
    {
        var command = Command(
            "INSERT INTO Broadcasts (DispatchId, Kind, CampaignRowId, Payload, Status, Total, Processed, Reached, LastUserRowId, Note, StartedAt, FinishedAt) "
            + "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11)",
            Names(12));
        Bind(command,
        [
            row.DispatchId, row.Kind.ToString(), row.CampaignRowId, row.Payload, row.Status.ToString(), row.Total, row.Processed, row.Reached,
            row.LastUserRowId, row.Note, row.StartedAt.UtcTicks, row.FinishedAt?.UtcTicks,
        ]);
        command.ExecuteNonQuery();
    }

    public void UpdateBroadcast(BroadcastEntity row)
    {
        var command = Command(
            "UPDATE Broadcasts SET Status = $p0, Processed = $p1, Reached = $p2, LastUserRowId = $p3, Note = $p4, FinishedAt = $p5 WHERE DispatchId = $p6",
            Names(7));
        Bind(command, [row.Status.ToString(), row.Processed, row.Reached, row.LastUserRowId, row.Note, row.FinishedAt?.UtcTicks, row.DispatchId]);
        command.ExecuteNonQuery();
    }

    private static UserProfile ReadUser(SqliteDataReader reader) => UserStorage.ToProfile(new UserEntity
    {
        Id = reader.GetInt32(0),
        UserId = reader.GetString(1),
        ExternalId = reader.IsDBNull(2) ? null : reader.GetString(2),
        Email = reader.IsDBNull(3) ? null : reader.GetString(3),
        AliasName = reader.IsDBNull(4) ? null : reader.GetString(4),
        AliasLabel = reader.IsDBNull(5) ? null : reader.GetString(5),
        Attributes = reader.GetString(6),
        CustomAttributes = reader.GetString(7),
        EmailSubscribe = reader.IsDBNull(8) ? null : reader.GetString(8),
        PushSubscribe = reader.IsDBNull(9) ? null : reader.GetString(9),
        SubscriptionGroups = reader.GetString(10),
        CreatedAt = Time(reader.GetInt64(11)),
        UpdatedAt = Time(reader.GetInt64(12)),
    });

    public void SaveUser(UserProfile profile)
    {
        var groups = new JsonObject();
        foreach (var (id, subscribed) in profile.SubscriptionGroups)
        {
            groups[id] = subscribed ? "subscribed" : "unsubscribed";
        }
        object?[] values =
        [
            profile.UserId, profile.ExternalId, profile.Email, profile.AliasName, profile.AliasLabel,
            Json.Write(profile.Attributes), Json.Write(profile.CustomAttributes),
            profile.EmailSubscribe is { } e ? SubscriptionStates.ToApi(e) : null,
            profile.PushSubscribe is { } p ? SubscriptionStates.ToApi(p) : null,
            Json.Write(groups), profile.CreatedAt.UtcTicks, profile.UpdatedAt.UtcTicks,
        ];
        if (profile.IsNew)
        {
            var insert = Command(
                "INSERT INTO Users (UserId, ExternalId, Email, AliasName, AliasLabel, Attributes, CustomAttributes, EmailSubscribe, PushSubscribe, SubscriptionGroups, CreatedAt, UpdatedAt) "
                + "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11) RETURNING Id",
                Names(12));
            Bind(insert, values);
            profile.RowId = Convert.ToInt32(insert.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            return;
        }
        var update = Command(
            "UPDATE Users SET UserId = $p0, ExternalId = $p1, Email = $p2, AliasName = $p3, AliasLabel = $p4, Attributes = $p5, CustomAttributes = $p6, "
            + "EmailSubscribe = $p7, PushSubscribe = $p8, SubscriptionGroups = $p9, CreatedAt = $p10, UpdatedAt = $p11 WHERE Id = $p12",
            Names(13));
        Bind(update, [.. values, profile.RowId]);
        update.ExecuteNonQuery();
    }

    public void AddEvent(UserEventEntity row)
    {
        var command = Command("INSERT INTO UserEvents (UserRowId, Name, Time, AppId, Properties, ReceivedAt) VALUES ($p0, $p1, $p2, $p3, $p4, $p5)", Names(6));
        Bind(command, [row.UserRowId, row.Name, row.Time.UtcTicks, row.AppId, row.Properties, row.ReceivedAt.UtcTicks]);
        command.ExecuteNonQuery();
    }

    public void AddPurchase(UserPurchaseEntity row)
    {
        var command = Command(
            "INSERT INTO UserPurchases (UserRowId, ProductId, Currency, Price, Quantity, Time, Properties, ReceivedAt) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7)",
            Names(8));
        Bind(command, [row.UserRowId, row.ProductId, row.Currency, (double)row.Price, row.Quantity, row.Time.UtcTicks, row.Properties, row.ReceivedAt.UtcTicks]);
        command.ExecuteNonQuery();
    }

    public void AddDispatch(DispatchEntity row)
    {
        var command = Command(
            "INSERT INTO Dispatches (DispatchId, Kind, CampaignRowId, SendId, RequestId, ApiKeyId, Broadcast, Recipients, Errors, ReceivedAt) "
            + "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9)",
            Names(10));
        Bind(command,
            [row.DispatchId, row.Kind.ToString(), row.CampaignRowId, row.SendId, row.RequestId, row.ApiKeyId, row.Broadcast ? 1 : 0, row.Recipients, row.Errors, row.ReceivedAt.UtcTicks]);
        command.ExecuteNonQuery();
    }

    public void AddMessage(MessageEntity row)
    {
        var command = Command(
            "INSERT INTO Messages (DispatchId, CampaignRowId, VariationId, VariantName, Channel, UserRowId, Recipient, Status, Reason, TriggerProperties, Content, CreatedAt) "
            + "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11)",
            Names(12));
        Bind(command,
        [
            row.DispatchId, row.CampaignRowId, row.VariationId, row.VariantName, row.Channel?.ToString(), row.UserRowId, row.Recipient,
            row.Status.ToString(), row.Reason, row.TriggerProperties, row.Content, row.CreatedAt.UtcTicks,
        ]);
        command.ExecuteNonQuery();
    }

    public long LastMessageId() => (long)Command("SELECT last_insert_rowid()").ExecuteScalar()!;

    public DateTimeOffset? LastReceived(int campaignRowId, int userRowId)
    {
        var command = Command("SELECT LastReceivedAt FROM CampaignReceipts WHERE CampaignRowId = $p0 AND UserRowId = $p1", Names(2));
        Bind(command, [campaignRowId, userRowId]);
        return command.ExecuteScalar() is long ticks ? Time(ticks) : null;
    }

    public void RecordReceipt(int campaignRowId, int userRowId, DateTimeOffset at)
    {
        var command = Command(
            "INSERT INTO CampaignReceipts (CampaignRowId, UserRowId, FirstReceivedAt, LastReceivedAt, Count) VALUES ($p0, $p1, $p2, $p2, 1) "
            + "ON CONFLICT (CampaignRowId, UserRowId) DO UPDATE SET LastReceivedAt = excluded.LastReceivedAt, Count = Count + 1",
            Names(3));
        Bind(command, [campaignRowId, userRowId, at.UtcTicks]);
        command.ExecuteNonQuery();
    }

    public IdempotencyKeyEntity? FindAnswer(string apiKeyId, string key)
    {
        var command = Command("SELECT RequestHash, StatusCode, Response, CreatedAt FROM IdempotencyKeys WHERE ApiKeyId = $p0 AND Key = $p1", Names(2));
        Bind(command, [apiKeyId, key]);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new IdempotencyKeyEntity
            {
                ApiKeyId = apiKeyId,
                Key = key,
                RequestHash = reader.GetString(0),
                StatusCode = reader.GetInt32(1),
                Response = reader.GetString(2),
                CreatedAt = Time(reader.GetInt64(3)),
            }
            : null;
    }

    public void SaveAnswer(IdempotencyKeyEntity row)
    {
        var command = Command("INSERT INTO IdempotencyKeys (ApiKeyId, Key, RequestHash, StatusCode, Response, CreatedAt) VALUES ($p0, $p1, $p2, $p3, $p4, $p5)", Names(6));
        Bind(command, [row.ApiKeyId, row.Key, row.RequestHash, row.StatusCode, row.Response, row.CreatedAt.UtcTicks]);
        command.ExecuteNonQuery();
    }

    public void AddApiRequest(ApiRequestEntity row)
    {
        var command = Command(
            "INSERT INTO ApiRequests (ReceivedAt, Endpoint, StatusCode, Message, Errors, ApiKeyId, CampaignId) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6)",
            Names(7));
        Bind(command, [row.ReceivedAt.UtcTicks, row.Endpoint, row.StatusCode, row.Message, row.Errors, row.ApiKeyId, row.CampaignId]);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        Rollback();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        if (_ownsConnection)
        {
            _connection.Dispose();
        }
    }

    private static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    private static readonly string[][] NameSets = Enumerable.Range(0, 16).Select(n => Enumerable.Range(0, n).Select(i => $"$p{i}").ToArray()).ToArray();

    private static string[] Names(int count) => NameSets[count];

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }
            _commands[sql] = command;
        }
        command.Transaction = _transaction;
        return command;
    }

    private static void Bind(SqliteCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
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
