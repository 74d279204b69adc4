using System.Collections.Frozen;
using BrazeLite.Liquid.Filters;

namespace BrazeLite.Liquid;

/// <summary>A parse or render error, or a warning: the message (which names the position) and where it points.</summary>
/// <param name="Message">Human-readable text, including "at line L, column C".</param>
/// <param name="Line">1-based line in the template (or in <paramref name="Source"/> when set).</param>
/// <param name="Column">1-based column.</param>
/// <param name="Source">The partial the position refers to, or null for the template itself.</param>
public sealed record LiquidDiagnostic(string Message, int Line, int Column, string? Source = null)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
