using System.Globalization;
using BrazeLite.Liquid;
using YamlDotNet.RepresentationModel;

namespace BrazeLite.Liquid.Tests;

/// <summary>One case of Shopify's liquid-spec (see shared/liquid-spec/README.md).</summary>
public sealed record LiquidSpec(
    string Id,
    string Name,
    string File,
    string Template,
    Dictionary<string, object?> Environment,
    string? Expected,
    IReadOnlyList<string> ParseErrors,
    IReadOnlyList<string> RenderErrors,
    IReadOnlyList<string> OutputErrors,
    bool Lax,
    bool RenderErrorsInline,
    Dictionary<string, string> Filesystem,
    IReadOnlyList<string> Features,
    int Complexity,
    long? StepLimit,
    string? LoadProblem);

/// <summary>Loads the liquid-spec YAML files and runs a case through the engine.</summary>
public static class LiquidSpecSuite
{
    /// <summary>Features that need Ruby objects; specs using them are excluded.</summary>
    public static readonly string[] ExcludedFeatures = ["drops", "ruby_drops", "ruby_types"];

    /// <summary>The clock the specs are written against.</summary>
    public static readonly DateTimeOffset FrozenNow = new(2024, 1, 1, 0, 1, 58, TimeSpan.Zero);

    private static readonly Lazy<IReadOnlyList<LiquidSpec>> LazySpecs = new(Load);
    private static readonly Lazy<IReadOnlyDictionary<string, string>> LazyKnown = new(LoadKnownFailures);

    public static IReadOnlyList<LiquidSpec> All => LazySpecs.Value;

    public static IReadOnlyDictionary<string, string> KnownFailures => LazyKnown.Value;

    public static string SpecDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "liquid-spec", "basics");
            if (Directory.Exists(candidate)) return candidate;
            dir = dir.Parent;
        }
        throw new DirectoryNotFoundException($"no shared/liquid-spec/basics above {AppContext.BaseDirectory}");
    }

    public static bool IsExcluded(LiquidSpec spec) => spec.Features.Any(f => ExcludedFeatures.Contains(f));

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

    private static List<LiquidSpec> Load()
    {
        var specs = new List<LiquidSpec>();
        foreach (var file in Directory.GetFiles(SpecDirectory(), "*.yml").Order(StringComparer.Ordinal))
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(file)) yaml.Load(reader);
            foreach (var doc in yaml.Documents)
            {
                YamlSequenceNode? list = null;
                var fileFeatures = new List<string>();
                switch (doc.RootNode)
                {
                    case YamlSequenceNode s: list = s; break;
                    case YamlMappingNode m:
                        if (m.Children.TryGetValue(new YamlScalarNode("specs"), out var sn)) list = sn as YamlSequenceNode;
                        if (m.Children.TryGetValue(new YamlScalarNode("_metadata"), out var meta) && meta is YamlMappingNode mm
                            && mm.Children.TryGetValue(new YamlScalarNode("features"), out var ff) && ff is YamlSequenceNode fs)
                            fileFeatures.AddRange(fs.Children.Select(c => ((YamlScalarNode)c).Value ?? ""));
                        break;
                }
                if (list is null) continue;
                foreach (var item in list.Children.OfType<YamlMappingNode>())
                    specs.Add(ToSpec(item, Path.GetFileName(file), fileFeatures));
            }
        }
        // A few names repeat (truthiness_1 twice); later ones get "#2", "#3" so each case has its own id.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < specs.Count; i++)
        {
            var n = seen[specs[i].Name] = seen.GetValueOrDefault(specs[i].Name) + 1;
            specs[i] = specs[i] with { Id = n == 1 ? specs[i].Name : $"{specs[i].Name}#{n}" };
        }
        return specs;
    }

    private static LiquidSpec ToSpec(YamlMappingNode m, string file, List<string> fileFeatures)
    {
        string? problem = null;
        object? Get(string key)
        {
            if (!m.Children.TryGetValue(new YamlScalarNode(key), out var node)) return null;
            try
            {
                return Convert(node);
            }
            catch (NotSupportedException e)
            {
                problem = e.Message;
                return null;
            }
        }

        var errors = Get("errors") as Dictionary<string, object?>;
        IReadOnlyList<string> Strings(object? v) => v switch
        {
            List<object?> l => l.Select(x => x?.ToString() ?? "").ToList(),
            string s => [s],
            _ => [],
        };
        var mode = Get("error_mode");
        var lax = mode switch
        {
            string s => s == "lax",
            List<object?> l => l.Count > 0 && (l[0] as string) == "lax",
            _ => false,
        };
        var fs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Get("filesystem") is Dictionary<string, object?> files)
            foreach (var (k, v) in files) fs[k] = v?.ToString() ?? "";
        var features = Strings(Get("features")).Concat(fileFeatures).Distinct().ToList();
        long? steps = null;
        if (Get("resource_limits") is Dictionary<string, object?> limits)
        {
            foreach (var key in new[] { "render_score_limit", "cumulative_render_score_limit" })
                if (limits.TryGetValue(key, out var v) && v is long l) steps = steps is null ? l : Math.Min(steps.Value, l);
        }
        return new LiquidSpec(
            Id: "",
            Name: Get("name")?.ToString() ?? "(unnamed)",
            File: file,
            Template: Get("template")?.ToString() ?? "",
            Environment: Get("environment") as Dictionary<string, object?> ?? [],
            Expected: Get("expected") is { } e ? e as string ?? e.ToString() : null,
            ParseErrors: Strings(errors?.GetValueOrDefault("parse_error")),
            RenderErrors: Strings(errors?.GetValueOrDefault("render_error")),
            OutputErrors: Strings(errors?.GetValueOrDefault("output")),
            Lax: lax,
            RenderErrorsInline: Get("render_errors") is true,
            Filesystem: fs,
            Features: features,
            Complexity: Get("complexity") is long c ? (int)c : 0,
            StepLimit: steps,
            LoadProblem: problem);
    }

    private static object? Convert(YamlNode node)
    {
        if (!node.Tag.IsEmpty && node.Tag.Value is not ("tag:yaml.org,2002:str" or "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float"
            or "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:null" or "tag:yaml.org,2002:map" or "tag:yaml.org,2002:seq"))
            throw new NotSupportedException($"YAML tag {node.Tag.Value} needs Ruby objects");
        switch (node)
        {
            case YamlMappingNode map:
                {
                    var d = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var (k, v) in map.Children) d[((YamlScalarNode)k).Value ?? ""] = Convert(v);
                    return d;
                }
            case YamlSequenceNode seq:
                return seq.Children.Select(Convert).ToList();
            case YamlScalarNode s:
                {
                    var text = s.Value ?? "";
                    if (s.Style != YamlDotNet.Core.ScalarStyle.Plain) return text;
                    switch (text)
                    {
                        case "" or "~" or "null": return null;
                        case "true": return true;
                        case "false": return false;
                    }
                    if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
                    if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && text.Any(char.IsAsciiDigit)) return d;
                    return text;
                }
            default:
                throw new NotSupportedException("unsupported YAML node");
        }
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
            Now = FrozenNow,
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
