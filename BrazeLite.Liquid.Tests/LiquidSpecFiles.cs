using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace BrazeLite.Liquid.Specs;

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

/// <summary>
/// Finds and reads Shopify's liquid-spec YAML files (shared/liquid-spec/README.md explains the format). Knows
/// nothing of any engine, so the tests and the benchmarks' engine comparison load the same cases.
/// </summary>
public static class LiquidSpecFiles
{
    /// <summary>Features that need Ruby objects; specs using them are excluded.</summary>
    public static readonly string[] ExcludedFeatures = ["drops", "ruby_drops", "ruby_types"];

    /// <summary>The clock the specs are written against.</summary>
    public static readonly DateTimeOffset FrozenNow = new(2024, 1, 1, 0, 1, 58, TimeSpan.Zero);

    public static bool IsExcluded(LiquidSpec spec) => spec.Features.Any(f => ExcludedFeatures.Contains(f));

    /// <summary>The nearest <c>shared/liquid-spec/basics</c> above <paramref name="start"/>, or null.</summary>
    public static string? FindDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "liquid-spec", "basics");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Every case in the YAML files of <paramref name="directory"/>, each with its own id.</summary>
    public static List<LiquidSpec> Load(string directory)
    {
        var specs = new List<LiquidSpec>();
        foreach (var file in Directory.GetFiles(directory, "*.yml").Order(StringComparer.Ordinal))
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

}
