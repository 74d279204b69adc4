using BrazeLite.Liquid;
using BrazeLite.Liquid.Braze;
using Microsoft.Extensions.Logging;

namespace BrazeLite.Core.Templates;

/// <summary>
/// The Liquid engine as BrazeLite renders with it: each distinct source is parsed once (a bounded cache shared by every
/// render), renders get the engine's limits, a 2 s deadline and errors written inline so the rest of the message still
/// shows, and the variables of the sample data that resolve to nothing are listed.
/// </summary>
public sealed partial class TemplateRenderer(TimeProvider time, ILogger<TemplateRenderer> logger) : ITemplateRenderer
{
    /// <summary>How long one render may take.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    // Braze's strictness: an unknown filter is an error the marketer sees (the engine's default passes it through, as Ruby).
    private static readonly LiquidParseOptions Strict = LiquidParseOptions.Default with { ErrorMode = LiquidErrorMode.Strict, StrictFilters = true };
    private static readonly LiquidParseOptions Lax = LiquidParseOptions.Default with { ErrorMode = LiquidErrorMode.Lax };

    // The namespaces sample data fills; a path under one of them that finds nothing is a gap the marketer should see.
    private static readonly HashSet<string> SampleRoots = new(StringComparer.Ordinal)
    {
        "api_trigger_properties", "context", "event_properties", "custom_attribute",
    };

    private readonly TemplateCache<LiquidParseResult> _cache = new();

    public RenderedTemplate Render(string source, RenderData data, LiquidErrorMode mode, CancellationToken ct)
    {
        var parsed = _cache.GetOrAdd(source, mode, ParseSource);
        if (parsed.Template is not { } template)
        {
            return Unparsed(parsed);
        }
        var (variables, context, options) = Prepare(data, mode);
        return Result(template, variables, template.Render(context, options, ct));
    }

    public async ValueTask<RenderedTemplate> RenderAsync(string source, RenderData data, LiquidErrorMode mode, CancellationToken ct)
    {
        var parsed = _cache.GetOrAdd(source, mode, ParseSource);
        if (parsed.Template is not { } template)
        {
            return Unparsed(parsed);
        }
        var (variables, context, options) = Prepare(data, mode);
        return Result(template, variables, await template.RenderAsync(context, options, ct));
    }

    private static RenderedTemplate Unparsed(LiquidParseResult parsed) =>
        new("", false, null, parsed.Errors.Select(ToDiagnostic).ToList(), parsed.Warnings.Select(ToDiagnostic).ToList(), []);

    private (Dictionary<string, object?> Variables, LiquidRenderContext Context, LiquidRenderOptions Options) Prepare(RenderData data, LiquidErrorMode mode)
    {
        var variables = data.ToVariables();
        var context = LiquidRenderContext.FromLiquidValues(variables) with
        {
            Partials = data.Partials is null ? DictionaryPartialProvider.Empty : new DictionaryPartialProvider(data.Partials),
            Now = time.GetUtcNow(),
            ConnectedContent = data.ConnectedContent,
        };
        var options = LiquidRenderOptions.Default with
        {
            Timeout = Deadline,
            InlineErrors = true,
            PartialParseOptions = mode == LiquidErrorMode.Lax ? Lax : Strict,
        };
        return (variables, context, options);
    }

    private RenderedTemplate Result(LiquidTemplate template, Dictionary<string, object?> variables, LiquidRenderResult result)
    {
        if (result.Errors.Count > 0)
        {
            LogRenderErrors(result.Errors.Count, result.Errors[0].Message);
        }
        return new RenderedTemplate(
            result.Output,
            result.Aborted,
            result.AbortReason,
            result.Errors.Select(ToDiagnostic).ToList(),
            result.Warnings.Select(ToDiagnostic).ToList(),
            MissingVariables(template.VariablePaths, variables));
    }

    public IReadOnlyList<RenderDiagnostic> ParseErrors(string source, LiquidErrorMode mode) =>
        _cache.GetOrAdd(source, mode, ParseSource).Errors.Select(ToDiagnostic).ToList();

    public LiquidTemplate? Parse(string source, LiquidErrorMode mode) => _cache.GetOrAdd(source, mode, ParseSource).Template;

    private static LiquidParseResult ParseSource(string source, LiquidErrorMode mode) =>
        LiquidTemplate.Parse(source, mode == LiquidErrorMode.Lax ? Lax : Strict);

    /// <summary>Paths under the sample-data namespaces, or standard user attributes, that find nothing; distinct, in order.</summary>
    internal static IReadOnlyList<string> MissingVariables(IReadOnlyList<LiquidVariablePath> paths, IReadOnlyDictionary<string, object?> variables)
    {
        var missing = new List<string>();
        foreach (var path in paths)
        {
            // One rule for the badge, the list, the matrix and the preview API: a variable followed by `default` is not missing.
            if (path.Segments.Count == 0 || path.HasDefault)
            {
                continue;
            }
            var root = path.Segments[0];
            var isSample = SampleRoots.Contains(root) ? path.Segments.Count > 1 : BrazeVariables.IsStandardAttribute(root);
            if (isSample && !LiquidVariables.HasValue(variables, path.Segments) && !missing.Contains(path.Path))
            {
                missing.Add(path.Path);
            }
        }
        return missing;
    }

    private static RenderDiagnostic ToDiagnostic(LiquidDiagnostic d) =>
        new(d.Source is null ? d.Message : $"{d.Message} (in partial {d.Source})", d.Line, d.Column);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Template rendered with {ErrorCount} error(s); the first: {FirstError}")]
    private partial void LogRenderErrors(int errorCount, string firstError);
}
