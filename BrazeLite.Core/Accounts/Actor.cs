namespace BrazeLite.Core.Accounts;

/// <summary>Who is acting: the signed-in account, as the services check and the audit trail records it.</summary>
public sealed record Actor(string AccountId, string Name, string Role)
{
    public bool Can(Capability capability) => Roles.Can(Role, capability);
}

/// <summary>
/// The account on whose behalf the current code runs: the dashboard sets it for each circuit event and each request
/// (docs/decisions/0009-accounts-and-the-acting-account.md); null when nobody is signed in.
/// </summary>
public interface IActorAccessor
{
    Actor? Current { get; }
}

/// <summary>The refusals the services give when the acting account may not do something.</summary>
public static class Access
{
    /// <summary>Null when the current actor may do <paramref name="capability"/>, else the sentence to show.</summary>
    public static string? Refusal(this IActorAccessor actors, Capability capability) => actors.Current switch
    {
        null => "You are not signed in any more: sign in again to make changes.",
        { } actor when actor.Can(capability) => null,
        { } actor => $"Your role ({actor.Role}) cannot {Describe(capability)}.",
    };

    private static string Describe(Capability capability) => capability switch
    {
        Capability.EditCampaigns => "change campaigns",
        Capability.LaunchCampaigns => "launch campaigns",
        Capability.EditSamples => "change sample data",
        Capability.SendTests => "send tests",
        Capability.ApproveChanges => "approve changes",
        Capability.ManageUsers => "manage users",
        Capability.ManageApiKeys => "manage API keys",
        Capability.ManageChannels => "change channel settings",
        Capability.ManageWorkspace => "change workspace settings",
        Capability.ReadAudit => "read the audit trail",
        _ => "do that",
    };
}
