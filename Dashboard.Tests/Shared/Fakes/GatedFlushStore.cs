using BrazeLite.Core.Ingest;
using BrazeLite.Core.Ingest.Storage;
using BrazeLite.Core.Users;
using BrazeLite.Core.Users.Storage;

namespace Dashboard.Tests.Shared.Fakes;

/// <summary>
/// The real SQLite store, with its <see cref="Flush"/> held until a test opens the gate, or failing as a disk would:
/// shows what a request's answer waits for.
/// </summary>
public sealed class GatedFlushStore(IIngestStore inner) : IIngestStore
{
    private readonly ManualResetEventSlim _open = new(initialState: true);
    private int _failures;

    public int Flushes { get; private set; }

    /// <summary>Flushes wait from now on until <see cref="Open"/>.</summary>
    public void Close() => _open.Reset();

    public void Open() => _open.Set();

    /// <summary>The next <paramref name="count"/> flushes throw an <see cref="IOException"/>, as a failing disk's fsync does.</summary>
    public void FailNext(int count = 1) => Volatile.Write(ref _failures, count);

    public void Flush()
    {
        _open.Wait(TimeSpan.FromSeconds(30));
        Flushes++;
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new IOException("Input/output error (the test's failing disk)");
        }
        inner.Flush();
    }

    public void Checkpoint() => inner.Checkpoint();
    public void Begin() => inner.Begin();
    public void Commit() => inner.Commit();
    public void Rollback() => inner.Rollback();
    public UserProfile? FindUser(UserKey key) => inner.FindUser(key);
    public IReadOnlyList<UserProfile> UsersAfter(int rowId, int count) => inner.UsersAfter(rowId, count);
    public int CountUsers() => inner.CountUsers();
    public void AddBroadcast(BroadcastEntity row) => inner.AddBroadcast(row);
    public void UpdateBroadcast(BroadcastEntity row) => inner.UpdateBroadcast(row);
    public void SaveUser(UserProfile profile, ProfileJson? json = null) => inner.SaveUser(profile, json);
    public void AddEvent(UserEventEntity row) => inner.AddEvent(row);
    public void AddPurchase(UserPurchaseEntity row) => inner.AddPurchase(row);
    public void AddDispatch(DispatchEntity row) => inner.AddDispatch(row);
    public void AddMessage(MessageEntity row) => inner.AddMessage(row);
    public long LastMessageId() => inner.LastMessageId();
    public DateTimeOffset? LastReceived(int campaignRowId, int userRowId) => inner.LastReceived(campaignRowId, userRowId);
    public void RecordReceipt(int campaignRowId, int userRowId, DateTimeOffset at) => inner.RecordReceipt(campaignRowId, userRowId, at);
    public IdempotencyKeyEntity? FindAnswer(string apiKeyId, string key) => inner.FindAnswer(apiKeyId, key);
    public void SaveAnswer(IdempotencyKeyEntity row) => inner.SaveAnswer(row);
    public void AddApiRequest(ApiRequestEntity row) => inner.AddApiRequest(row);

    public void Dispose()
    {
        _open.Set();
        inner.Dispose();
        _open.Dispose();
    }
}
