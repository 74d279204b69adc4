using BrazeLite.Core.Ingest.Storage;
using BrazeLite.Core.Users;
using BrazeLite.Core.Users.Storage;

namespace BrazeLite.Core.Ingest;

/// <summary>
/// Everything the ingest commands read and write, on the writer's one connection. The SQL lives in the
/// implementation only (<see cref="Storage.SqliteIngestStore"/>), so another database needs another store, not other commands.
/// </summary>
public interface IIngestStore : IDisposable
{
    void Begin();

    /// <summary>Commits the transaction: visible to every later read, durable once <see cref="Flush"/> has returned.</summary>
    void Commit();

    void Rollback();

    /// <summary>Makes every transaction committed so far durable on disk; may run on another thread than the commits.</summary>
    void Flush();

    /// <summary>
    /// The log's housekeeping, away from the commits: copies what is committed into the database proper (SQLite's WAL
    /// checkpoint, on a connection of its own). Runs on another thread than the commits and does not block them; a
    /// no-op where the database does this itself.
    /// </summary>
    void Checkpoint();

    UserProfile? FindUser(UserKey key);

    /// <summary>Up to <paramref name="count"/> users after row <paramref name="rowId"/>, in row order (a broadcast's next chunk).</summary>
    IReadOnlyList<UserProfile> UsersAfter(int rowId, int count);

    int CountUsers();

    void AddBroadcast(BroadcastEntity row);

    /// <summary>Writes a broadcast's status and progress.</summary>
    void UpdateBroadcast(BroadcastEntity row);

    /// <summary>
    /// Inserts a new profile (setting its <see cref="UserProfile.RowId"/>) or updates a stored one; <paramref name="json"/>
    /// is its JSON columns when they are written already.
    /// </summary>
    void SaveUser(UserProfile profile, ProfileJson? json = null);

    void AddEvent(UserEventEntity row);
    void AddPurchase(UserPurchaseEntity row);

    void AddDispatch(DispatchEntity row);
    void AddMessage(MessageEntity row);

    /// <summary>The row id of the message added last on this connection.</summary>
    long LastMessageId();

    /// <summary>When the user last received (or was enrolled in) the campaign; null when never.</summary>
    DateTimeOffset? LastReceived(int campaignRowId, int userRowId);

    void RecordReceipt(int campaignRowId, int userRowId, DateTimeOffset at);

    IdempotencyKeyEntity? FindAnswer(string apiKeyId, string key);
    void SaveAnswer(IdempotencyKeyEntity row);

    void AddApiRequest(ApiRequestEntity row);
}

/// <summary>Opens the writer's store (its own connection).</summary>
public interface IIngestStoreFactory
{
    IIngestStore Open();
}
