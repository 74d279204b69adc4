using System.Globalization;
using BrazeLite.Liquid;
using BrazeLite.Liquid.Specs;

namespace BrazeLite.Liquid.Tests;

/// <summary>The liquid-spec cases, and how one runs through the engine.</summary>
public static class LiquidSpecSuite
{
    private static readonly Lazy<IReadOnlyList<LiquidSpec>> LazySpecs = new(() => SpecRequirement.Directory is { } dir ? LiquidSpecFiles.Load(dir) : []);
    private static readonly Lazy<IReadOnlyDictionary<string, string>> LazyKnown = new(LoadKnownFailures);

    public static IReadOnlyList<LiquidSpec> All => LazySpecs.Value;

    public static IReadOnlyDictionary<string, string> KnownFailures => LazyKnown.Value;


    private static IReadOnlyDictionary<string, string> LoadKnownFailures()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "conformance-known-failures.txt");
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var tab = line.IndexOf('\t');
            d[tab < 0 ? line : line[..tab]] = tab < 0 ? "" : line[(tab + 1)..];
        }
        return d;
    }

    /// <summary>Runs one spec; returns null when it passes, else why it failed.</summary>
    public static string? Run(LiquidSpec spec) => Run(spec, out _);

    /// <summary>Runs a case; <paramref name="result"/> is the render's result when the template parsed.</summary>
    public static string? Run(LiquidSpec spec, out LiquidRenderResult? result, bool everyNodeAsync = false)
    {
        result = null;
        if (spec.LoadProblem is not null) return "could not load: " + spec.LoadProblem;
        var mode = spec.Lax ? LiquidErrorMode.Lax : LiquidErrorMode.Strict;
        // Shopify's Liquid passes unknown filters through unless strict_filters is set; the specs run with its defaults.
        var parseOptions = new LiquidParseOptions { ErrorMode = mode, StrictFilters = false };
        var parsed = LiquidTemplate.Parse(spec.Template, parseOptions);
        if (parsed.Template is null)
        {
            var messages = string.Join(" | ", parsed.Errors.Select(e => e.Message));
            if (spec.ParseErrors.Count > 0)
                return ContainsAll(messages, spec.ParseErrors) ? null : $"parse error \"{messages}\" lacks {string.Join(", ", spec.ParseErrors)}";
            return $"unexpected parse error: {messages}";
        }
        if (spec.ParseErrors.Count > 0) return "expected a parse error, but the template parsed";

        var context = new LiquidRenderContext(spec.Environment)
        {
            Partials = new DictionaryPartialProvider(spec.Filesystem),
            Now = LiquidSpecFiles.FrozenNow,
        };
        var options = new LiquidRenderOptions
        {
            InlineErrors = spec.RenderErrorsInline,
            PartialParseOptions = parseOptions,
            MaxSteps = spec.StepLimit ?? LiquidRenderOptions.Default.MaxSteps,
            Timeout = TimeSpan.FromSeconds(10),
        };
        result = everyNodeAsync
            ? parsed.Template.RenderAsync(context, options, everyNodeAsync: true, CancellationToken.None).AsTask().GetAwaiter().GetResult()
            : parsed.Template.Render(context, options);
        var errors = string.Join(" | ", result.Errors.Select(e => e.Message));
        if (spec.RenderErrors.Count > 0)
        {
            if (result.Errors.Count == 0) return $"expected a render error, got output \"{result.Output}\"";
            return ContainsAll(errors, spec.RenderErrors) ? null : $"render error \"{errors}\" lacks {string.Join(", ", spec.RenderErrors)}";
        }
        if (spec.OutputErrors.Count > 0)
            return ContainsAll(result.Output, spec.OutputErrors) ? null : $"output \"{result.Output}\" lacks {string.Join(", ", spec.OutputErrors)}";
        if (result.Errors.Count > 0 && !spec.RenderErrorsInline) return $"unexpected render error: {errors}";
        if (spec.Expected is null) return null;
        return result.Output == spec.Expected ? null : $"expected \"{Escape(spec.Expected)}\", got \"{Escape(result.Output)}\"";
    }

    private static bool ContainsAll(string text, IEnumerable<string> parts) =>
        parts.All(p => text.Contains(p, StringComparison.OrdinalIgnoreCase));

    private static string Escape(string s) => s.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}
