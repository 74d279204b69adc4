namespace BrazeLite.Core.Delivery;

/// <summary>What rendering a message gave: its content to send, or why it must not be sent.</summary>
/// <param name="Content">The rendered message; null when it failed or was aborted.</param>
/// <param name="Failure">Why it cannot be sent (a render error, a missing address, an oversized payload).</param>
/// <param name="AbortReason">Set when <c>abort_message</c> stopped it (possibly empty: no reason given).</param>
/// <param name="Warnings">Variables that rendered empty, connected-content problems.</param>
public sealed record Composition(OutboundContent? Content, string? Failure, string? AbortReason, IReadOnlyList<string> Warnings)
{
    public bool Aborted => AbortReason is not null;

    public static Composition Failed(string failure, IReadOnlyList<string>? warnings = null) => new(null, failure, null, warnings ?? []);
}
