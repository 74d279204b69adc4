using System.Text.Json;
using BrazeLite.Liquid;

namespace BrazeLite.Liquid.Tests.Ruby;

/// <summary>
/// Renders a template as Ruby Liquid's <c>Template#render</c> does for a template parsed with <c>line_numbers: true</c>:
/// errors written inline, unknown filters passed through (no <c>strict_filters</c>). The cases of this folder come from
/// Ruby Liquid's own tests (<c>test/integration/</c>) and from its source (<c>lib/liquid/</c>), one area per file.
/// </summary>
internal static class RubyLiquid
{
    public static LiquidRenderResult Result(string source, string? json = null, IReadOnlyDictionary<string, string>? partials = null,
        LiquidErrorMode mode = LiquidErrorMode.Strict, bool lineNumbers = true)
    {
        var parseOptions = new LiquidParseOptions { ErrorMode = mode };
        var parsed = LiquidTemplate.Parse(source, parseOptions);
        Assert.True(parsed.Success, string.Join("\n", parsed.Errors.Select(e => e.Message)));
        var context = new LiquidRenderContext(Variables(json))
        {
            Partials = partials is null ? DictionaryPartialProvider.Empty : new DictionaryPartialProvider(partials),
        };
        return parsed.Template!.Render(context, new LiquidRenderOptions { InlineErrors = true, LineNumbers = lineNumbers, PartialParseOptions = parseOptions });
    }

    /// <summary>The output, as Ruby's <c>render</c> returns it.</summary>
    public static string Render(string source, string? json = null, IReadOnlyDictionary<string, string>? partials = null,
        LiquidErrorMode mode = LiquidErrorMode.Strict, bool lineNumbers = true) =>
        Result(source, json, partials, mode, lineNumbers).Output;

    /// <summary>The message of the template's parse error (it must have one).</summary>
    public static string ParseError(string source, LiquidErrorMode mode = LiquidErrorMode.Strict)
    {
        var parsed = LiquidTemplate.Parse(source, new LiquidParseOptions { ErrorMode = mode });
        Assert.False(parsed.Success, $"expected a parse error for {source}");
        return parsed.Errors[0].Message;
    }

    public static Dictionary<string, string> Partials(params (string Name, string Source)[] partials) =>
        partials.ToDictionary(p => p.Name, p => p.Source, StringComparer.Ordinal);

    /// <summary>Top-level variables from a JSON object, so a case fits in one line of <c>InlineData</c>.</summary>
    private static Dictionary<string, object?> Variables(string? json) =>
        json is null ? [] : (Dictionary<string, object?>)LiquidValues.FromClr(JsonDocument.Parse(json).RootElement)!;
}
