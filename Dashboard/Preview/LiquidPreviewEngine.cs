using BrazeLite.Liquid;
using BrazeLite.Liquid.Braze;

namespace Dashboard.Preview;

/// <summary>
/// The preview's use of the Liquid engine: parses each distinct source once (bounded cache shared by every
/// preview), renders with the engine's limits, a 2 s deadline and errors written inline so the rest of the message
/// still shows, and lists the sample-data variables that resolve to nothing.
/// </summary>
public sealed class LiquidPreviewEngine(TimeProvider time) : IPreviewEngine
{
    /// <summary>How long one render may take.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    private static readonly LiquidParseOptions Strict = LiquidParseOptions.Default with { ErrorMode = LiquidErrorMode.Strict };
    private static readonly LiquidParseOptions Lax = LiquidParseOptions.Default with { ErrorMode = LiquidErrorMode.Lax };

    // The namespaces a sample payload or sample user fills; a path under one of them that finds nothing is a gap
    // in the sample data the marketer should see.
    private static readonly HashSet<string> SampleRoots = new(StringComparer.Ordinal)
    {
        "api_trigger_properties", "event_properties", "custom_attribute",
    };

    private static readonly Dictionary<string, string> NoResponses = new(StringComparer.Ordinal);

    private readonly TemplateCache<ParsedSource> _cache = new();
    private int _parseCount;

    /// <summary>How many sources have been parsed (cache misses).</summary>
    public int ParseCount => _parseCount;

    private sealed record ParsedSource(LiquidParseResult Result, IReadOnlyList<LiquidVariablePath> Paths);

    public TemplatePreview Render(string source, PreviewData data, PreviewErrorMode mode, CancellationToken ct)
    {
        var parsed = _cache.GetOrAdd(source, Mode(mode), Parse);
        if (parsed.Result.Template is not { } template)
        {
            return new TemplatePreview("", false, null,
                parsed.Result.Errors.Select(ToDiagnostic).ToList(), parsed.Result.Warnings.Select(ToDiagnostic).ToList(), []);
        }

        var variables = data.ToVariables();
        var context = new LiquidRenderContext(variables)
        {
            Partials = data.Partials is null ? DictionaryPartialProvider.Empty : new DictionaryPartialProvider(data.Partials),
            Now = time.GetUtcNow(),
            ConnectedContent = data.ConnectedContent is null ? SampleConnectedContent.None : new SampleConnectedContent(data.ConnectedContent),
        };
        var options = LiquidRenderOptions.Default with
        {
            Timeout = Deadline,
            InlineErrors = true,
            PartialParseOptions = mode == PreviewErrorMode.Lax ? Lax : Strict,
        };
        var result = template.Render(context, options, ct);
        return new TemplatePreview(
            result.Output,
            result.Aborted,
            result.AbortReason,
            result.Errors.Select(ToDiagnostic).ToList(),
            result.Warnings.Select(ToDiagnostic).ToList(),
            MissingVariables(parsed.Paths, context.Variables));
    }

    public IReadOnlyList<PreviewDiagnostic> ParseErrors(string source, PreviewErrorMode mode) =>
        _cache.GetOrAdd(source, Mode(mode), Parse).Result.Errors.Select(ToDiagnostic).ToList();

    private static LiquidErrorMode Mode(PreviewErrorMode mode) => mode == PreviewErrorMode.Lax ? LiquidErrorMode.Lax : LiquidErrorMode.Strict;

    private ParsedSource Parse(string source, LiquidErrorMode mode)
    {
        Interlocked.Increment(ref _parseCount);
        var result = LiquidTemplate.Parse(source, mode == LiquidErrorMode.Lax ? Lax : Strict);
        return new ParsedSource(result, result.Template?.VariablePaths ?? []);
    }

    /// <summary>Paths under the sample-data namespaces, or standard user attributes, that find nothing; distinct, in order.</summary>
    internal static IReadOnlyList<string> MissingVariables(IReadOnlyList<LiquidVariablePath> paths, IReadOnlyDictionary<string, object?> variables)
    {
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (path.Segments.Count == 0)
            {
                continue;
            }
            var root = path.Segments[0];
            var isSample = SampleRoots.Contains(root) ? path.Segments.Count > 1 : PreviewData.StandardAttributes.Contains(root);
            if (isSample && Resolve(variables, path.Segments) is null && !missing.Contains(path.Path))
            {
                missing.Add(path.Path);
            }
        }
        return missing;
    }

    private static object? Resolve(IReadOnlyDictionary<string, object?> variables, IReadOnlyList<string> segments)
    {
        if (!variables.TryGetValue(segments[0], out var value))
        {
            return null;
        }
        for (var i = 1; i < segments.Count && value is not null; i++)
        {
            var key = segments[i];
            if (key == "[]")
            {
                // An element of an array (a loop variable): found when any element has the rest of the path; an empty
                // array renders nothing, so it is no gap.
                if (value is not IList<object?> elements)
                {
                    return null;
                }
                var rest = segments.Skip(i + 1).ToList();
                return elements.Count == 0 || elements.Any(e => Resolve(new Dictionary<string, object?> { ["e"] = e }, ["e", .. rest]) is not null)
                    ? elements
                    : null;
            }
            value = value switch
            {
                IDictionary<string, object?> hash when hash.TryGetValue(key, out var v) => v,
                IDictionary<string, object?> hash when key == "size" => (long)hash.Count,
                IList<object?> list when key == "size" => (long)list.Count,
                IList<object?> list when key == "first" => list.Count > 0 ? list[0] : null,
                IList<object?> list when key == "last" => list.Count > 0 ? list[^1] : null,
                IList<object?> list when int.TryParse(key, out var index) =>
                    index >= 0 && index < list.Count ? list[index] : index < 0 && -index <= list.Count ? list[list.Count + index] : null,
                string s when key == "size" => (long)s.Length,
                _ => null,
            };
        }
        return value;
    }

    private static PreviewDiagnostic ToDiagnostic(LiquidDiagnostic d) =>
        new(d.Source is null ? d.Message : $"{d.Message} (in partial {d.Source})", d.Line, d.Column);
}
