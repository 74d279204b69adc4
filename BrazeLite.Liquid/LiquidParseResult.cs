using System.Collections.Frozen;
using BrazeLite.Liquid.Filters;

namespace BrazeLite.Liquid;

/// <summary>The outcome of <see cref="LiquidTemplate.Parse"/>.</summary>
/// <param name="Template">The parsed template, or null when there were errors.</param>
/// <param name="Errors">Parse errors, each with message, line and column.</param>
/// <param name="Warnings">Parse warnings (e.g. filters Braze does not support).</param>
public sealed record LiquidParseResult(LiquidTemplate? Template, IReadOnlyList<LiquidDiagnostic> Errors, IReadOnlyList<LiquidDiagnostic> Warnings)
{
    /// <summary>True when the template parsed without errors.</summary>
    public bool Success => Template is not null;
}
