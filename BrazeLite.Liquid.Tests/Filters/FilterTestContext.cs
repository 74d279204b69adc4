using BrazeLite.Liquid;
using BrazeLite.Liquid.Filters;

namespace BrazeLite.Liquid.Tests.Filters;

/// <summary>A filter context with a fixed clock that records warnings and counts steps.</summary>
public sealed class FilterTestContext(DateTimeOffset? now = null, long stepLimit = 100_000) : IFilterContext
{
    public DateTimeOffset Now { get; } = now ?? new DateTimeOffset(2024, 1, 1, 0, 1, 58, TimeSpan.Zero);
    public List<string> Warnings { get; } = [];
    public CancellationToken CancellationToken { get; init; }
    public long Steps { get; private set; }

    public void Warn(string message) => Warnings.Add(message);

    public void Step(long count = 1)
    {
        Steps += count;
        if (Steps > stepLimit) throw new LiquidFilterException($"step limit of {stepLimit} exceeded");
    }
}

/// <summary>Calls filters by name the way the renderer does.</summary>
public static class F
{
    public static object? Apply(string name, object? input, params object?[] args) =>
        Apply(new FilterTestContext(), name, input, args);

    public static object? Apply(FilterTestContext context, string name, object? input, params object?[] args) =>
        BuiltInFilters.All[name](input, new FilterArguments(args, new Dictionary<string, object?>()), context);

    public static object? Named(string name, object? input, object?[] args, Dictionary<string, object?> named) =>
        BuiltInFilters.All[name](input, new FilterArguments(args, named), new FilterTestContext());

    /// <summary>The filter's result as <c>{{ }}</c> prints it.</summary>
    public static string Out(string name, object? input, params object?[] args) =>
        LiquidValues.ToOutputString(Apply(name, input, args));

    public static List<object?> A(params object?[] items) => [.. items];

    public static Dictionary<string, object?> H(params (string Key, object? Value)[] pairs)
    {
        var d = new Dictionary<string, object?>();
        foreach (var (k, v) in pairs) d[k] = v;
        return d;
    }
}
