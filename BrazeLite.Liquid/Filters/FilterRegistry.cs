using System.Collections.Frozen;

namespace BrazeLite.Liquid.Filters;

/// <summary>
/// Filters by name, each registered with its function and, where Liquid checks it, its arity. Build one, add to it,
/// and hand <see cref="ToDictionary"/> to <see cref="LiquidParseOptions.Filters"/>; <see cref="BuiltInFilters.All"/> is
/// the one the engine uses by default.
/// </summary>
public sealed class FilterRegistry
{
    private readonly Dictionary<string, FilterFunction> _filters = new(StringComparer.Ordinal);

    /// <summary>The names registered so far.</summary>
    public IReadOnlyCollection<string> Names => _filters.Keys;

    /// <summary>
    /// Registers (or replaces) filter <paramref name="name"/>. With <paramref name="arity"/>, a call with another number of
    /// arguments fails with Ruby's "wrong number of arguments (given N, expected M)". The arity is Ruby's: the input counts
    /// as the first argument, and keyword arguments together as one more.
    /// </summary>
    /// <param name="name">The name templates use.</param>
    /// <param name="function">The filter.</param>
    /// <param name="arity">The fewest and most arguments, the input included; null when the filter checks its own.</param>
    public FilterRegistry Add(string name, FilterFunction function, (int Min, int Max)? arity = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(function);
        _filters[name] = arity is { } a ? WithArity(name, a.Min, a.Max, function) : function;
        return this;
    }

    /// <summary>The filters as <see cref="LiquidParseOptions.Filters"/> takes them.</summary>
    public IReadOnlyDictionary<string, FilterFunction> ToDictionary() => _filters.ToFrozenDictionary(StringComparer.Ordinal);

    private static FilterFunction WithArity(string name, int min, int max, FilterFunction inner)
    {
        var expected = min == max ? $"{min}" : $"{min}..{max}";
        return (input, args, context) =>
        {
            var given = 1 + args.Count + (args.Named.Count > 0 ? 1 : 0);
            if (given < min || given > max)
            {
                var ruby = $"wrong number of arguments (given {given}, expected {expected})";
                throw new LiquidFilterException($"{name}: {ruby}", ruby);
            }
            return inner(input, args, context);
        };
    }
}
