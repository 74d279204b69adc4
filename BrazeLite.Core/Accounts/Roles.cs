namespace BrazeLite.Core.Accounts;

/// <summary>The four roles; every account has exactly one.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Marketer = "Marketer";
    public const string Approver = "Approver";
    public const string Viewer = "Viewer";

    /// <summary>The roles that may edit campaigns, as an <c>[Authorize(Roles = ...)]</c> list.</summary>
    public const string Editors = Admin + "," + Approver + "," + Marketer;

    /// <summary>From most to least powerful, as the users page offers them.</summary>
    public static readonly IReadOnlyList<string> All = [Admin, Approver, Marketer, Viewer];

    public static bool IsRole(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    public static string Describe(string role) => role switch
    {
        Admin => "Everything: users, roles, API keys, channel settings, and all an Approver may do.",
        Approver => "What a Marketer may do, and approve launches and changes to Active campaigns.",
        Marketer => "Create and edit campaigns, sample data and test sends; launch where no approval is needed.",
        Viewer => "Read campaigns, previews, results and activity; copy IDs and requests; change nothing.",
        _ => "",
    };

    /// <summary>What each role may do. A role not listed may do nothing but read.</summary>
    public static bool Can(string role, Capability capability) => capability switch
    {
        Capability.EditCampaigns or Capability.EditSamples or Capability.SendTests or Capability.LaunchCampaigns =>
            role is Admin or Approver or Marketer,
        Capability.ApproveChanges => role is Admin or Approver,
        Capability.ManageUsers or Capability.ManageApiKeys or Capability.ManageChannels or Capability.ManageWorkspace or Capability.ReadAudit =>
            role is Admin,
        _ => false,
    };
}

/// <summary>An action the services check before they change anything.</summary>
public enum Capability
{
    /// <summary>Create, edit, duplicate, stop, archive and delete campaigns.</summary>
    EditCampaigns,

    /// <summary>Launch (or ask to launch) a campaign.</summary>
    LaunchCampaigns,

    /// <summary>Save, rename, copy and delete sample payloads, users and connected content.</summary>
    EditSamples,

    /// <summary>Send a test of a campaign's message, or a channel's test.</summary>
    SendTests,

    /// <summary>Approve or reject a launch or a change to an Active campaign.</summary>
    ApproveChanges,

    ManageUsers,
    ManageApiKeys,
    ManageChannels,
    ManageWorkspace,

    /// <summary>Read the whole audit trail (a campaign's own history is open to every role).</summary>
    ReadAudit,
}
