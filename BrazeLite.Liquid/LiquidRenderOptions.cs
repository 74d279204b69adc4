using System.Collections.Frozen;
using BrazeLite.Liquid.Filters;

namespace BrazeLite.Liquid;

/// <summary>Limits and behaviour of one render.</summary>
public sealed record LiquidRenderOptions
{
    /// <summary>Default options: the default limits, errors raised (not written inline).</summary>
    public static readonly LiquidRenderOptions Default = new();

    /// <summary>Longest output, in characters (default 1,048,576, i.e. 1 MB); also bounds every string and capture built during the render.</summary>
    public int MaxOutputLength { get; init; } = 1024 * 1024;

    /// <summary>Most render steps (a node rendered, a loop iteration, a filter call; default 100,000), partials included.</summary>
    public long MaxSteps { get; init; } = 100_000;

    /// <summary>
    /// Most bytes the render may allocate (default 256 MB): bounds the memory a template can hold through values it
    /// keeps, e.g. an array of many large strings built in a loop.
    /// </summary>
    public long MaxAllocatedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Deepest nesting of <c>include</c>/<c>render</c> (default 100).</summary>
    public int MaxPartialDepth { get; init; } = 100;

    /// <summary>Time allowed for one render (default 2 s); combined with the caller's cancellation token.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// When true, a render error is written into the output in Ruby Liquid's words and the render goes on (as Shopify
    /// does): <c>Liquid error (line 3): divided by 0</c>, or <c>Liquid error (footer line 2): ...</c> inside a partial.
    /// When false (default) the render stops at the first error. Either way the error is in
    /// <see cref="LiquidRenderResult.Errors"/>. An error in a blank tag (an <c>assign</c>, a <c>capture</c>, a block whose
    /// bodies are all blank) is recorded but not written, as Ruby does. Limit violations always stop the render.
    /// </summary>
    public bool InlineErrors { get; init; }

    /// <summary>
    /// Whether inline errors name their line (and partial), as Ruby Liquid does for a template parsed with
    /// <c>line_numbers: true</c> (default true). False writes Ruby's plain <c>Liquid error: divided by 0</c>.
    /// </summary>
    public bool LineNumbers { get; init; } = true;

    /// <summary>How partials are parsed during the render (default <see cref="LiquidParseOptions.Default"/>).</summary>
    public LiquidParseOptions PartialParseOptions { get; init; } = LiquidParseOptions.Default;

    /// <summary>Report variables that resolve to nothing as warnings (default true).</summary>
    public bool WarnOnMissingVariables { get; init; } = true;
}
