using BrazeLite.Core.Audit;
using BrazeLite.Core.Campaigns;

namespace BrazeLite.Core.Approvals;

public enum ApprovalKind
{
    /// <summary>Launch a draft (or resume a stopped campaign) as it was when asked.</summary>
    Launch,

    /// <summary>Apply a draft version of an Active campaign; the live version sends until then.</summary>
    Change,
}

public enum ApprovalState
{
    Pending,
    Approved,
    Rejected,
    Withdrawn,
}

/// <summary>A request as the approvals pages show it: what is asked, by whom, and where it stands.</summary>
public sealed record ApprovalRequest(
    long Id,
    string CampaignId,
    string CampaignName,
    ApprovalKind Kind,
    ApprovalState State,
    string RequestedByName,
    string? RequestedById,
    DateTimeOffset RequestedAt,
    string? Note,
    string? DecidedByName,
    DateTimeOffset? DecidedAt,
    string? Comment,
    Guid BaseVersion);

/// <summary>A request with what it would change: the live campaign and the proposed version, and their differing fields.</summary>
public sealed record ApprovalReview(ApprovalRequest Request, CampaignForm? Live, CampaignForm Proposed, IReadOnlyList<FieldChange> Changes);

/// <summary>How an approval write ended; <see cref="Message"/> says why when it did not.</summary>
public sealed record ApprovalResult(bool Succeeded, string? Message = null, long? RequestId = null)
{
    public static ApprovalResult Done(long id) => new(true, RequestId: id);

    public static ApprovalResult Refused(string message) => new(false, message);
}
