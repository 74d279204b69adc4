using BrazeLite.Liquid;

namespace BrazeLite.Liquid.Tests;

internal static class LiquidTestSupport
{
    public static LiquidTemplate ParseOk(string source, LiquidParseOptions? options = null)
    {
        var parsed = LiquidTemplate.Parse(source, options);
        Assert.True(parsed.Success, string.Join("\n", parsed.Errors.Select(e => e.Message)));
        return parsed.Template!;
    }

    public static LiquidRenderResult Render(string source, object? variables = null, LiquidRenderOptions? options = null,
        IReadOnlyDictionary<string, string>? partials = null, LiquidParseOptions? parseOptions = null)
    {
        var vars = variables switch
        {
            null => [],
            IEnumerable<KeyValuePair<string, object?>> d => d,
            _ => throw new ArgumentException("variables must be a dictionary", nameof(variables)),
        };
        var context = new LiquidRenderContext(vars)
        {
            Partials = partials is null ? DictionaryPartialProvider.Empty : new DictionaryPartialProvider(partials),
            Now = new DateTimeOffset(2024, 1, 1, 0, 1, 58, TimeSpan.Zero),
        };
        return ParseOk(source, parseOptions).Render(context, options);
    }

    public static string Output(string source, object? variables = null, IReadOnlyDictionary<string, string>? partials = null)
    {
        var r = Render(source, variables, partials: partials);
        Assert.True(r.Errors.Count == 0, string.Join("\n", r.Errors.Select(e => e.Message)));
        return r.Output;
    }

    public static Dictionary<string, object?> Vars(params (string Key, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);
}
