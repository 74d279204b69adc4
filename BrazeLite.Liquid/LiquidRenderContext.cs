using System.Collections.Frozen;
using BrazeLite.Liquid.Filters;

namespace BrazeLite.Liquid;

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
