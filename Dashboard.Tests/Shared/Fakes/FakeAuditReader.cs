using BrazeLite.Core.Audit;

namespace Dashboard.Tests.Shared.Fakes;

/// <summary>The audit trail as a list the test fills; newest last in <see cref="Entries"/>, read newest first.</summary>
internal sealed class FakeAuditReader : IAuditReader
{
    public List<AuditEntry> Entries { get; } = [];

    public Task<IReadOnlyList<AuditEntry>> ForCampaignAsync(string campaignId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>(Entries.Where(e => e.CampaignId == campaignId).Reverse().ToList());

    public Task<AuditPage?> ListAsync(AuditQuery query, CancellationToken ct = default)
    {
        var rows = Entries.Where(e => query.Area is null || e.Area == query.Area).Reverse().ToList();
        return Task.FromResult<AuditPage?>(new AuditPage(rows, rows.Count, 1, query.PageSize));
    }

    public Task<IReadOnlyList<(string Id, string Name)>> ActorsAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<(string, string)>>(Entries.Where(e => e.ActorId != null).Select(e => (e.ActorId!, e.ActorName)).Distinct().ToList());
}
