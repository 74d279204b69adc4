namespace BrazeLite.Core.Accounts;

/// <summary>
/// The acting account, carried with the async flow: the dashboard sets it around each circuit event and each request,
/// tools and tests around what they run. Code that runs for nobody (start-up provisioning, the dispatcher) sees null,
/// so a write that needs a role is refused there.
/// </summary>
public sealed class AmbientActor : IActorAccessor
{
    private static readonly AsyncLocal<Holder?> Flow = new();

    public Actor? Current => Flow.Value?.Actor;

    /// <summary>Acts as <paramref name="actor"/> until the returned scope is disposed.</summary>
    public static IDisposable Use(Actor? actor) => Use(new Holder { Actor = actor });

    /// <summary>Acts as whoever <paramref name="holder"/> names at each moment (a circuit's account can sign out meanwhile).</summary>
    public static IDisposable Use(Holder holder)
    {
        var previous = Flow.Value;
        Flow.Value = holder;
        return new Restore(previous);
    }

    /// <summary>A changeable reference to the acting account.</summary>
    public sealed class Holder
    {
        public Actor? Actor { get; set; }
    }

    private sealed class Restore(Holder? previous) : IDisposable
    {
        public void Dispose() => Flow.Value = previous;
    }
}
