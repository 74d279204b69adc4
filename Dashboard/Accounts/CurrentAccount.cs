using System.Security.Claims;
using BrazeLite.Core.Accounts;

namespace Dashboard.Accounts;

/// <summary>
/// The signed-in account of one circuit, for components (what to show) and, through <see cref="AmbientActor"/>, for
/// the services (what to allow). It changes when the session ends or is revalidated.
/// </summary>
public sealed class CurrentAccount
{
    public const string DisplayNameClaim = "brazelite:display_name";

    public AmbientActor.Holder Holder { get; } = new();

    public Actor? Actor => Holder.Actor;

    public bool Can(Capability capability) => Actor?.Can(capability) == true;

    /// <summary>
    /// The session ended while the page was open (signed out elsewhere, role changed, account disabled). The page stays,
    /// with what was typed, until its owner signs in again; the services refuse changes meanwhile.
    /// </summary>
    public bool SessionEnded { get; private set; }

    /// <summary>
    /// When the cookie this circuit's page was loaded with runs out (null when unknown). The circuit cannot renew it, so
    /// at that time its session ends as the cookie's does.
    /// </summary>
    public DateTimeOffset? SessionExpiresAt { get; set; }

    public bool HasExpired(DateTimeOffset now) => SessionExpiresAt <= now;

    /// <summary>The session ended because its cookie ran out, not because it was ended elsewhere.</summary>
    public bool SessionRanOut { get; private set; }

    public void EndSession(bool ranOut = false)
    {
        SessionEnded = true;
        SessionRanOut = ranOut;
        Holder.Actor = null;
        Changed?.Invoke();
    }

    /// <summary>Raised after the account changed (signed out by a revalidation, for instance).</summary>
    public event Action? Changed;

    public void Set(Actor? actor)
    {
        if (Holder.Actor == actor)
        {
            return;
        }
        Holder.Actor = actor;
        Changed?.Invoke();
    }

    /// <summary>The actor a signed-in principal stands for, or null; an unknown role reads as Viewer (the least).</summary>
    public static Actor? ActorOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return null;
        }
        var role = user.FindAll(ClaimTypes.Role).Select(c => c.Value).FirstOrDefault(Roles.IsRole) ?? Roles.Viewer;
        var name = user.FindFirstValue(DisplayNameClaim) is { Length: > 0 } display ? display : user.Identity.Name ?? id;
        return new Actor(id, name, role);
    }
}
