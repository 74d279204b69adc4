using BrazeLite.Core.Accounts;

namespace Dashboard.Tests.Shared;

/// <summary>One account per role, and an accessor that always names the same one, for service tests.</summary>
internal static class TestActors
{
    public static readonly Actor Admin = new("account-admin", "Ada Admin", Roles.Admin);
    public static readonly Actor Approver = new("account-approver", "Avery Approver", Roles.Approver);
    public static readonly Actor Marketer = new("account-marketer", "Mia Marketer", Roles.Marketer);
    public static readonly Actor Viewer = new("account-viewer", "Vic Viewer", Roles.Viewer);

    public static readonly IReadOnlyList<Actor> All = [Admin, Approver, Marketer, Viewer];

    public static Actor ByRole(string role) => All.Single(a => a.Role == role);
}

/// <summary>An acting account a test sets and changes at will (null: nobody signed in).</summary>
internal sealed class TestActor(Actor? actor = null) : IActorAccessor
{
    public Actor? Current { get; set; } = actor ?? TestActors.Admin;
}
