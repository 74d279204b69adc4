using System.Text.Json;

namespace BrazeLite.Liquid.Benchmarks.RubyCases;

/// <summary>
/// <c>--ruby-cases FILE</c>: renders every case <c>record.rb</c> took from Ruby Liquid's own tests with the engine's
/// defaults (strict, or lax for Ruby's lax and warn modes; errors inline when the case renders them) and counts the
/// outputs equal to Ruby's, to the character. Prints the ones that differ.
/// </summary>
public static class RubyCaseComparison
{
    public static int Run(string path)
    {
        var cases = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        var agree = 0;
        var total = 0;
        foreach (var c in cases.EnumerateArray())
        {
            total++;
            var mode = c.GetProperty("mode").GetString();
            var inline = c.GetProperty("render_errors").GetBoolean();
            var expected = c.GetProperty("expected").GetString();
            var got = Render(c, mode is "lax" or "warn" ? LiquidErrorMode.Lax : LiquidErrorMode.Strict, inline);
            if (got == expected)
            {
                agree++;
                continue;
            }
            Console.WriteLine($"{c.GetProperty("test").GetString()} [{mode}] {JsonSerializer.Serialize(c.GetProperty("template").GetString())}");
            Console.WriteLine($"  ruby: {JsonSerializer.Serialize(expected)}");
            Console.WriteLine($"  ours: {JsonSerializer.Serialize(got)}");
        }
        Console.WriteLine($"{agree} of {total} cases render as in Ruby ({100.0 * agree / Math.Max(1, total):0.0}%)");
        return 0;
    }

    private static string Render(JsonElement c, LiquidErrorMode mode, bool inline)
    {
        var options = new LiquidParseOptions { ErrorMode = mode };
        var parsed = LiquidTemplate.Parse(c.GetProperty("template").GetString()!, options);
        if (!parsed.Success) return "(parse error) " + parsed.Errors[0].Message;
        var variables = (Dictionary<string, object?>)LiquidValues.FromClr(c.GetProperty("env"))!;
        var partials = c.GetProperty("partials").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        var context = new LiquidRenderContext(variables) { Partials = new DictionaryPartialProvider(partials) };
        var result = parsed.Template!.Render(context, new LiquidRenderOptions { InlineErrors = inline, PartialParseOptions = options });
        return !inline && result.Errors.Count > 0 ? result.Output + " (error) " + result.Errors[0].Message : result.Output;
    }
}
