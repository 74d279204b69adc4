using System.Collections.Frozen;
using BrazeLite.Liquid.Filters;

namespace BrazeLite.Liquid;

/// <summary>The outcome of one render.</summary>
/// <param name="Output">The rendered text (what was rendered before an error, a limit or an abort).</param>
/// <param name="Aborted">True when <c>abort_message</c> ended the render.</param>
/// <param name="AbortReason">The reason given to <c>abort_message</c>, if any.</param>
/// <param name="Errors">Render errors.</param>
/// <param name="Warnings">Warnings: missing variables, unsupported filters, connected content not called.</param>
public sealed record LiquidRenderResult(string Output, bool Aborted, string? AbortReason, IReadOnlyList<LiquidDiagnostic> Errors, IReadOnlyList<LiquidDiagnostic> Warnings)
{
    /// <summary>True when the render finished without errors.</summary>
    public bool Success => Errors.Count == 0;
}
