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

/// <summary>How forgiving the parser is.</summary>
public enum LiquidErrorMode
{
    /// <summary>Malformed markup is an error; an unknown filter is a parse error with a suggestion.</summary>
    Strict,

    /// <summary>Shopify's lax parsing: malformed markup is read as well as possible; unknown filters pass their input through.</summary>
    Lax,
}

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
    /// In strict mode, an unknown filter is a parse error naming the closest known filter (default true). When false,
    /// unknown filters pass their input through, as Shopify's Liquid does without <c>strict_filters</c>.
    /// </summary>
    public bool StrictFilters { get; init; } = true;

    /// <summary>The filters available; defaults to <see cref="StandardFilters.All"/>.</summary>
    public IReadOnlyDictionary<string, FilterFunction> Filters { get; init; } = StandardFilters.All;

    /// <summary>Filters that work but that Braze does not support; using one adds a warning.</summary>
    public IReadOnlySet<string> BrazeUnsupportedFilters { get; init; } = StandardFilters.BrazeUnsupported;

    /// <summary>Name of the template (e.g. a partial's name), used in diagnostics.</summary>
    public string? Name { get; init; }
}

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
    /// When true, a render error is written into the output as "Liquid error: ..." and the render goes on
    /// (as Shopify does); when false (default) the render stops at the first error. Either way the error is in
    /// <see cref="LiquidRenderResult.Errors"/>. Limit violations always stop the render.
    /// </summary>
    public bool InlineErrors { get; init; }

    /// <summary>How partials are parsed during the render (default <see cref="LiquidParseOptions.Default"/>).</summary>
    public LiquidParseOptions PartialParseOptions { get; init; } = LiquidParseOptions.Default;

    /// <summary>Report variables that resolve to nothing as warnings (default true).</summary>
    public bool WarnOnMissingVariables { get; init; } = true;
}

/// <summary>Supplies partials by name for <c>include</c>, <c>render</c> and <c>content_blocks.${name}</c>.</summary>
public interface ILiquidPartialProvider
{
    /// <summary>The source of partial <paramref name="name"/>, or false when there is none.</summary>
    bool TryGetPartial(string name, out string source);
}

/// <summary>A partial provider backed by a dictionary of name to source.</summary>
public sealed class DictionaryPartialProvider(IReadOnlyDictionary<string, string> partials) : ILiquidPartialProvider
{
    /// <summary>A provider without partials.</summary>
    public static readonly DictionaryPartialProvider Empty = new(new Dictionary<string, string>());

    /// <inheritdoc />
    public bool TryGetPartial(string name, out string source)
    {
        if (partials.TryGetValue(name, out var s) || partials.TryGetValue(name + ".liquid", out s))
        {
            source = s;
            return true;
        }
        source = "";
        return false;
    }
}

/// <summary>What one render sees: variables, partials, sample responses for <c>connected_content</c>, and "now".</summary>
public sealed record LiquidRenderContext
{
    /// <summary>Top-level variables (normalised with <see cref="LiquidValues.FromClr(object?)"/>).</summary>
    public IReadOnlyDictionary<string, object?> Variables { get; }

    /// <summary>Partials for include/render and content blocks.</summary>
    public ILiquidPartialProvider Partials { get; init; } = DictionaryPartialProvider.Empty;

    /// <summary>Sample responses for <c>connected_content</c> by URL (the call itself is never made).</summary>
    public IReadOnlyDictionary<string, string> ConnectedContentSamples { get; init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>The time date filters take as "now" (default: the current time).</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>Creates a context from caller data (dictionaries, JSON elements or nodes, CLR values).</summary>
    public LiquidRenderContext(IEnumerable<KeyValuePair<string, object?>>? variables = null)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (variables is not null)
        {
            foreach (var (k, v) in variables)
                d[k] = LiquidValues.FromClr(v);
        }
        Variables = d;
    }

    /// <summary>
    /// Creates a context from one object holding the top-level variables: a JSON object (<see cref="System.Text.Json.JsonElement"/>
    /// or <see cref="System.Text.Json.Nodes.JsonObject"/>), a dictionary, or a CLR object whose properties become variables.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not an object (e.g. a JSON array or a number).</exception>
    public static LiquidRenderContext FromObject(object? variables)
    {
        var normalised = LiquidValues.FromClr(variables);
        return normalised switch
        {
            null => new LiquidRenderContext(),
            IDictionary<string, object?> d => new LiquidRenderContext(d),
            _ => throw new ArgumentException($"the variables must be an object, not {LiquidValues.RubyClassName(normalised)}", nameof(variables)),
        };
    }

    /// <summary>
    /// Builds the variables Braze gives a template: the user's standard attributes at the top level
    /// (<c>${first_name}</c>), <c>custom_attribute</c>, <c>api_trigger_properties</c>, <c>event_properties</c>,
    /// plus any extra top-level variables.
    /// </summary>
    public static LiquidRenderContext ForBraze(
        IEnumerable<KeyValuePair<string, object?>>? userAttributes,
        IEnumerable<KeyValuePair<string, object?>>? customAttributes,
        object? triggerProperties,
        object? eventProperties = null,
        IEnumerable<KeyValuePair<string, object?>>? extraVariables = null)
    {
        var vars = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (userAttributes is not null)
            foreach (var (k, v) in userAttributes) vars[k] = v;
        vars["custom_attribute"] = customAttributes is null ? new Dictionary<string, object?>() : customAttributes.ToDictionary(p => p.Key, p => p.Value);
        vars["api_trigger_properties"] = triggerProperties ?? new Dictionary<string, object?>();
        vars["event_properties"] = eventProperties ?? new Dictionary<string, object?>();
        if (extraVariables is not null)
            foreach (var (k, v) in extraVariables) vars[k] = v;
        return new LiquidRenderContext(vars);
    }
}

/// <summary>The outcome of <see cref="LiquidTemplate.Parse"/>.</summary>
/// <param name="Template">The parsed template, or null when there were errors.</param>
/// <param name="Errors">Parse errors, each with message, line and column.</param>
/// <param name="Warnings">Parse warnings (e.g. filters Braze does not support).</param>
public sealed record LiquidParseResult(LiquidTemplate? Template, IReadOnlyList<LiquidDiagnostic> Errors, IReadOnlyList<LiquidDiagnostic> Warnings)
{
    /// <summary>True when the template parsed without errors.</summary>
    public bool Success => Template is not null;
}

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

/// <summary>A variable path a template reads, as written (<c>api_trigger_properties.${product}</c>) and as keys.</summary>
/// <param name="Path">The path as written in the source.</param>
/// <param name="Segments">
/// The keys from the root (<c>["api_trigger_properties", "product"]</c>); <c>"[]"</c> stands for an element of an array
/// (<c>items[0]</c>, or a loop variable). Loop variables and variables assigned a plain lookup are resolved to what they
/// stand for: <c>item.name</c> inside <c>for item in api_trigger_properties.items</c> gives
/// <c>["api_trigger_properties", "items", "[]", "name"]</c>. Stops at the first computed key.
/// </param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record LiquidVariablePath(string Path, IReadOnlyList<string> Segments, int Line, int Column);
