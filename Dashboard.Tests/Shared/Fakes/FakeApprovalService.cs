using BrazeLite.Core.Approvals;

namespace Dashboard.Tests.Shared.Fakes;

/// <summary>Approvals off unless a test turns <see cref="MustAsk"/> on; requests are recorded, none are pending at first.</summary>
internal sealed class FakeApprovalService : IApprovalService
{
    public bool MustAsk { get; set; }

    public List<(string CampaignId, ApprovalKind Kind)> Requests { get; } = [];

    public ApprovalRequest? Pending { get; set; }

    public Task<bool> MustAskAsync(CancellationToken ct = default) => Task.FromResult(MustAsk);

    public Task<ApprovalResult> RequestLaunchAsync(string campaignId, Guid version, string? note, CancellationToken ct = default)
    {
        Requests.Add((campaignId, ApprovalKind.Launch));
        return Task.FromResult(ApprovalResult.Done(Requests.Count));
    }

    public Task<ApprovalResult> RequestChangeAsync(CampaignForm proposed, string? note, CancellationToken ct = default)
    {
        Requests.Add((proposed.CampaignId!, ApprovalKind.Change));
        return Task.FromResult(ApprovalResult.Done(Requests.Count));
    }

    public Task<IReadOnlyList<ApprovalRequest>> PendingAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ApprovalRequest>>(Pending is null ? [] : [Pending]);

    public Task<ApprovalRequest?> PendingForAsync(string campaignId, CancellationToken ct = default) =>
        Task.FromResult(Pending?.CampaignId == campaignId ? Pending : null);

    public Task<ApprovalReview?> ReviewAsync(long id, CancellationToken ct = default) => Task.FromResult<ApprovalReview?>(null);

    public Task<ApprovalResult> ApproveAsync(long id, string? comment, CancellationToken ct = default) => Task.FromResult(ApprovalResult.Done(id));

    public Task<ApprovalResult> RejectAsync(long id, string? comment, CancellationToken ct = default) => Task.FromResult(ApprovalResult.Done(id));
}
