using BrazeLite.Core.Approvals;

namespace Dashboard.Approvals;

public static class ApprovalText
{
    public static string Asks(ApprovalKind kind) => kind == ApprovalKind.Launch ? "Launch" : "Change the Active campaign";

    public static string State(ApprovalState state) => state switch
    {
        ApprovalState.Pending => "Waiting for approval",
        ApprovalState.Approved => "Approved",
        ApprovalState.Rejected => "Rejected",
        _ => "Withdrawn",
    };
}
