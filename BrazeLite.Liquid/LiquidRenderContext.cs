using BrazeLite.Liquid.Braze;

namespace BrazeLite.Liquid;

/// <summary>What one render sees: variables, partials, the answers to <c>connected_content</c>, and "now".</summary>
public sealed record LiquidRenderContext
{
    /// <summary>Top-level variables, in the value model (see <see cref="LiquidValues.FromClr(object?)"/>).</summary>
    public IReadOnlyDictionary<string, object?> Variables { get; }

    /// <summary>Partials for include/render and content blocks.</summary>
    public ILiquidPartialProvider Partials { get; init; } = DictionaryPartialProvider.Empty;

    /// <summary>Answers <c>connected_content</c> calls; by default none is made and each warns (<see cref="SampleConnectedContent.None"/>).</summary>
    public IConnectedContentResolver ConnectedContent { get; init; } = SampleConnectedContent.None;

    /// <summary>The time date filters take as "now" (default: the current time).</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>Creates a context from caller data (dictionaries, JSON elements or nodes, CLR values), normalised deeply.</summary>
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

    private LiquidRenderContext(IReadOnlyDictionary<string, object?> variables) => Variables = variables;

    /// <summary>
    /// Creates a context from variables already in the value model (as <see cref="BrazeVariables.Build"/> makes them,
    /// or values from <see cref="LiquidValues.FromClr(object?)"/>), without copying them.
    /// </summary>
    public static LiquidRenderContext FromLiquidValues(IReadOnlyDictionary<string, object?> variables) => new(variables);

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
}
