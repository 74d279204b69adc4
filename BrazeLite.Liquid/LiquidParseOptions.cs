using System.Collections.Frozen;
using BrazeLite.Liquid.Filters;

namespace BrazeLite.Liquid;

/// <summary>Options for <see cref="LiquidTemplate.Parse"/>.</summary>
public sealed record LiquidParseOptions
{
    /// <summary>Default options: strict, standard and Braze filters, the default limits.</summary>
    public static readonly LiquidParseOptions Default = new();

    /// <summary>Strict (default) or lax parsing.</summary>
    public LiquidErrorMode ErrorMode { get; init; } = LiquidErrorMode.Strict;

    /// <summary>Longest template accepted, in characters (default 100,000).</summary>
    public int MaxTemplateLength { get; init; } = 100_000;

    /// <summary>Deepest nesting of block tags accepted (default 100).</summary>
    public int MaxNestingDepth { get; init; } = 100;

    /// <summary>
    /// In strict mode, an unknown filter is a parse error naming the closest known filter. When false (default, Ruby
    /// Liquid's own behaviour without <c>strict_filters</c>), and always in lax mode, an unknown filter passes its input
    /// through. The dashboard and the send path turn it on: Braze treats an unknown filter as an error to fix.
    /// </summary>
    public bool StrictFilters { get; init; }

    /// <summary>The filters available; defaults to <see cref="BuiltInFilters.All"/>.</summary>
    public IReadOnlyDictionary<string, FilterFunction> Filters { get; init; } = BuiltInFilters.All;

    /// <summary>Filters that work but that Braze does not support; using one adds a warning.</summary>
    public IReadOnlySet<string> BrazeUnsupportedFilters { get; init; } = BuiltInFilters.BrazeUnsupported;

    /// <summary>Name of the template (e.g. a partial's name), used in diagnostics.</summary>
    public string? Name { get; init; }
}
