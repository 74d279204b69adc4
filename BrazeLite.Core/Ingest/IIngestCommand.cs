namespace BrazeLite.Core.Ingest;

/// <summary>
/// One request's writes, run by the <see cref="IngestWriter"/> on its own connection inside the batch's transaction
/// (and its own savepoint, so a failure undoes this request only). It runs alone: nothing else writes meanwhile, so
/// what it reads stays true until the commit (the concurrent re-eligibility case relies on it).
/// </summary>
public interface IIngestCommand<out T>
{
    T Execute(IngestSession session);
}

/// <summary>What a command works with: the store, and the one time stamp of its batch.</summary>
public sealed record IngestSession(IIngestStore Store, DateTimeOffset Now);
