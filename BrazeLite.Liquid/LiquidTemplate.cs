using System.Text;
using BrazeLite.Liquid.Parsing;
using BrazeLite.Liquid.Runtime;

namespace BrazeLite.Liquid;

/// <summary>
/// A parsed Liquid template (Shopify Liquid 5 with the Braze dialect). Immutable: parse once, then render
/// as often as needed, from any number of threads at once.
/// </summary>
public sealed class LiquidTemplate
{
    internal Node[] Root { get; }

    /// <summary>The name given in <see cref="LiquidParseOptions.Name"/> (a partial's name), or null.</summary>
    public string? Name { get; }

    /// <summary>Parse warnings, repeated in every render's <see cref="LiquidRenderResult.Warnings"/>.</summary>
    public IReadOnlyList<LiquidDiagnostic> Warnings { get; }

    /// <summary>Every variable path the template reads, in source order (one entry per place it is read).</summary>
    public IReadOnlyList<LiquidVariablePath> VariablePaths { get; }

    private LiquidTemplate(Node[] root, string? name, IReadOnlyList<LiquidDiagnostic> warnings, IReadOnlyList<LiquidVariablePath> paths)
    {
        Root = root;
        Name = name;
        Warnings = warnings;
        VariablePaths = paths;
    }

    /// <summary>Parses <paramref name="source"/>; the result holds the template or the errors (message, line, column).</summary>
    /// <param name="source">The template text.</param>
    /// <param name="options">Error mode, filters and limits; <see cref="LiquidParseOptions.Default"/> when null.</param>
    public static LiquidParseResult Parse(string source, LiquidParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= LiquidParseOptions.Default;
        if (source.Length > options.MaxTemplateLength)
        {
            var d = new LiquidDiagnostic(
                $"Liquid syntax error: template too long: {source.Length:N0} characters, at most {options.MaxTemplateLength:N0} are allowed (MaxTemplateLength)", 1, 1, options.Name);
            return new LiquidParseResult(null, [d], []);
        }

        TemplateParser? parser = null;
        var errors = new List<LiquidDiagnostic>();
        Node[] root = [];
        try
        {
            var tokens = TemplateLexer.Tokenize(source);
            parser = new TemplateParser(source, options, tokens);
            root = parser.ParseDocument();
            errors.AddRange(parser.Errors);
        }
        catch (LiquidSyntaxException e)
        {
            if (parser is not null) errors.AddRange(parser.Errors);
            var (line, col) = new LineMap(source).Locate(Math.Clamp(e.Offset, 0, source.Length));
            errors.Add(Diagnostics.Create("Liquid syntax error: " + e.Message, line, col, options.Name));
        }
        catch (InsufficientExecutionStackException)
        {
            errors.Add(new LiquidDiagnostic($"Liquid syntax error: Nesting too deep: the template nests more deeply than can be parsed (MaxNestingDepth)", 1, 1, options.Name));
        }

        List<LiquidDiagnostic> warnings = parser is null || parser.Warnings.Count == 0 ? [] : parser.Warnings.Distinct().ToList();
        if (errors.Count > 0) return new LiquidParseResult(null, errors.Distinct().OrderBy(e => e.Line).ThenBy(e => e.Column).ToList(), warnings);
        return new LiquidParseResult(new LiquidTemplate(root, options.Name, warnings, SourceOrder(parser!.Paths)), [], warnings);
    }

    // Paths arrive almost always in source order already; a lax re-parse can record one twice.
    private static List<LiquidVariablePath> SourceOrder(List<LiquidVariablePath> paths)
    {
        var ordered = true;
        for (var i = 1; i < paths.Count && ordered; i++)
            ordered = Compare(paths[i - 1], paths[i]) <= 0;
        if (!ordered) paths = paths.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList();
        var result = new List<LiquidVariablePath>(paths.Count);
        foreach (var p in paths)
        {
            // Equal positions are adjacent once ordered.
            var duplicate = false;
            for (var j = result.Count - 1; j >= 0 && Compare(result[j], p) == 0 && !duplicate; j--)
                duplicate = result[j].Path == p.Path;
            if (!duplicate) result.Add(p);
        }
        return result;

        static int Compare(LiquidVariablePath a, LiquidVariablePath b) =>
            a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column);
    }

    /// <summary>Renders with the given variables.</summary>
    /// <param name="variables">Top-level variables (dictionaries, JSON, CLR values).</param>
    /// <param name="options">Limits; <see cref="LiquidRenderOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the render (it then throws <see cref="OperationCanceledException"/>).</param>
    public LiquidRenderResult Render(IEnumerable<KeyValuePair<string, object?>> variables, LiquidRenderOptions? options = null, CancellationToken cancellationToken = default)
        => Render(new LiquidRenderContext(variables), options, cancellationToken);

    /// <summary>
    /// Renders the template. Errors, warnings and an abort are reported in the result; a limit violation
    /// (<see cref="LiquidRenderOptions"/>) ends the render with an error naming the limit.
    /// </summary>
    /// <param name="context">Variables, partials, connected-content samples and "now"; none when null.</param>
    /// <param name="options">Limits; <see cref="LiquidRenderOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the render (it then throws <see cref="OperationCanceledException"/>).</param>
    public LiquidRenderResult Render(LiquidRenderContext? context = null, LiquidRenderOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= LiquidRenderOptions.Default;
        using var deadline = Deadline(options, cancellationToken);
        var state = Begin(context, options, deadline.Token, cancellationToken);
        var sb = OutputBuffer.Rent();
        string? reason = null;
        var aborted = false;
        try
        {
            Nodes.RenderBody(Root, state, sb);
        }
        catch (Exception e) when (EndsRender(e, cancellationToken))
        {
            Record(e, state, ref aborted, ref reason);
        }
        return Finish(state, sb, aborted, reason);
    }

    /// <summary>
    /// Renders the template where <c>connected_content</c> may really wait (an HTTP call): only the nodes that hold one
    /// await; the rest renders as <see cref="Render(LiquidRenderContext?, LiquidRenderOptions?, CancellationToken)"/> does.
    /// The result is the same as the synchronous render's.
    /// </summary>
    /// <param name="context">Variables, partials, the connected-content resolver and "now"; none when null.</param>
    /// <param name="options">Limits; <see cref="LiquidRenderOptions.Default"/> when null. The timeout covers the calls too.</param>
    /// <param name="cancellationToken">Cancels the render (it then throws <see cref="OperationCanceledException"/>).</param>
    public ValueTask<LiquidRenderResult> RenderAsync(LiquidRenderContext? context = null, LiquidRenderOptions? options = null, CancellationToken cancellationToken = default) =>
        MayAwait ? RenderAsync(context, options, everyNodeAsync: false, cancellationToken) : ValueTask.FromResult(Render(context, options, cancellationToken));

    internal async ValueTask<LiquidRenderResult> RenderAsync(LiquidRenderContext? context, LiquidRenderOptions? options, bool everyNodeAsync, CancellationToken cancellationToken)
    {
        options ??= LiquidRenderOptions.Default;
        using var deadline = Deadline(options, cancellationToken);
        var state = Begin(context, options, deadline.Token, cancellationToken);
        state.Shared.EveryNodeAsync = everyNodeAsync;
        var sb = new StringBuilder(1024);
        string? reason = null;
        var aborted = false;
        try
        {
            await Nodes.RenderBodyAsync(Root, state, sb);
        }
        catch (Exception e) when (EndsRender(e, cancellationToken))
        {
            Record(e, state, ref aborted, ref reason);
        }
        return Finish(state, sb, aborted, reason);
    }

    private int _mayAwait; // 0 not yet known, 1 no, 2 yes

    /// <summary>Whether a render may wait on <c>connected_content</c> (here or in a partial).</summary>
    internal bool MayAwait
    {
        get
        {
            if (_mayAwait == 0) _mayAwait = Nodes.AnyAsync(Root) ? 2 : 1;
            return _mayAwait == 2;
        }
    }

    private static CancellationTokenSource Deadline(LiquidRenderOptions options, CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (HasTimeout(options)) deadline.CancelAfter(options.Timeout);
        return deadline;
    }

    private static bool HasTimeout(LiquidRenderOptions options) =>
        options.Timeout > TimeSpan.Zero && options.Timeout.TotalMilliseconds < int.MaxValue;

    private RenderState Begin(LiquidRenderContext? context, LiquidRenderOptions options, CancellationToken deadline, CancellationToken cancellationToken)
    {
        context ??= new LiquidRenderContext();
        var shared = new RenderShared
        {
            Options = options,
            Context = context,
            Token = deadline,
            CallerToken = cancellationToken,
            Now = context.Now ?? DateTimeOffset.Now,
        };
        // The token's timer can fire late on a busy machine, so the clock is checked too.
        if (HasTimeout(options))
        {
            shared.DeadlineTimestamp = System.Diagnostics.Stopwatch.GetTimestamp()
                + (long)(options.Timeout.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        }
        shared.Warnings.AddRange(Warnings);
        return new RenderState(shared, context.Variables) { Source = Name };
    }

    // What ends a render early and is reported in its result: an error, an abort, the deadline (not the caller's
    // cancellation), a stack too deep.
    private static bool EndsRender(Exception e, CancellationToken cancellationToken) => e switch
    {
        LiquidRenderException or LiquidAbortException or InsufficientExecutionStackException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static void Record(Exception e, RenderState state, ref bool aborted, ref string? reason)
    {
        var shared = state.Shared;
        switch (e)
        {
            case LiquidRenderException render:
                shared.Errors.Add(render.ToDiagnostic());
                break;
            case LiquidAbortException abort:
                aborted = true;
                reason = abort.Reason;
                break;
            case OperationCanceledException:
                // A filter or a call stopped on the render's own deadline.
                shared.Errors.Add(state.Fatal($"render deadline exceeded: the render took longer than {shared.Options.Timeout.TotalSeconds:0.###} s (Timeout)").ToDiagnostic());
                break;
            default:
                shared.Errors.Add(Diagnostics.Create("Liquid error: Nesting too deep: the render nests more deeply than the stack allows (MaxPartialDepth)", state.Line, state.Column, state.Source));
                break;
        }
    }

    private static LiquidRenderResult Finish(RenderState state, StringBuilder sb, bool aborted, string? reason)
    {
        var output = sb.ToString();
        OutputBuffer.Return(sb);
        return new LiquidRenderResult(output, aborted, reason, state.Shared.Errors, state.Shared.Warnings);
    }

    /// <summary>
    /// One output builder kept per thread, so a render appends into a buffer that has already grown instead of
    /// allocating and regrowing a new one. A render on the same thread while one is running (e.g. from a
    /// filter) simply gets a fresh builder; very large buffers are not kept.
    /// </summary>
    private static class OutputBuffer
    {
        private const int MaxKeptCapacity = 64 * 1024;

        [ThreadStatic]
        private static StringBuilder? t_cached;

        public static StringBuilder Rent()
        {
            var sb = t_cached;
            if (sb is null) return new StringBuilder(1024);
            t_cached = null;
            return sb;
        }

        public static void Return(StringBuilder sb)
        {
            if (sb.Capacity > MaxKeptCapacity) return;
            sb.Clear();
            t_cached = sb;
        }
    }
}
