namespace BrazeLite.Core.Ingest;

/// <summary>
/// One request's writes, run by the <see cref="IngestWriter"/> on its own connection inside the batch's transaction.
/// It runs alone: nothing else writes meanwhile, so what it reads stays true until the commit (the concurrent
/// re-eligibility case relies on it). It may run twice: when another command of its batch throws, the batch is
/// rolled back and each command runs again in a transaction of its own.
/// </summary>
public interface IIngestCommand<out T>
{
    T Execute(IngestSession session);
}

/// <summary>What a command works with: the store, and the one time stamp of its batch.</summary>
public sealed record IngestSession(IIngestStore Store, DateTimeOffset Now);
