using System.Text.RegularExpressions;
using BrazeLite.Liquid.Runtime;

namespace BrazeLite.Liquid.Parsing;

/// <summary>Builds the node tree of a template from its tokens.</summary>
internal sealed partial class TemplateParser
{
    private readonly string _src;
    private readonly LineMap _map;
    private readonly LiquidParseOptions _options;
    private readonly bool _lax;
    private readonly List<TemplateToken> _tokens;
    private int _pos;
    private int _depth;

    public readonly List<LiquidDiagnostic> Errors;
    public readonly List<LiquidDiagnostic> Warnings;
    public readonly List<LiquidVariablePath> Paths;

    // Variables that stand for a path (loop variables, assigned lookups), so `item.name` inside
    // `for item in api_trigger_properties.items` is known to read api_trigger_properties.items[].name.
    private readonly List<(string Name, IReadOnlyList<string>? Segments)> _aliases;

    public TemplateParser(string source, LiquidParseOptions options, List<TemplateToken> tokens)
        : this(source, new LineMap(source), options, tokens, [], [], [], [], 0)
    {
    }

    private TemplateParser(string source, LineMap map, LiquidParseOptions options, List<TemplateToken> tokens,
        List<LiquidDiagnostic> errors, List<LiquidDiagnostic> warnings, List<LiquidVariablePath> paths,
        List<(string Name, IReadOnlyList<string>? Segments)> aliases, int depth)
    {
        _aliases = aliases;
        _src = source;
        _map = map;
        _options = options;
        _lax = options.ErrorMode == LiquidErrorMode.Lax;
        _tokens = tokens;
        Errors = errors;
        Warnings = warnings;
        Paths = paths;
        _depth = depth;
    }

    private TemplateParser Sub(List<TemplateToken> tokens) => new(_src, _map, _options, tokens, Errors, Warnings, Paths, _aliases, _depth);

    public int MaxNestingDepth => _options.MaxNestingDepth;

    public (int Line, int Column) Locate(int offset) => _map.Locate(Math.Clamp(offset, 0, _src.Length));

    public string SourceText(int start, int end) => _src.AsSpan(start, Math.Max(0, Math.Min(end, _src.Length) - start)).TrimEnd().ToString();

    public IReadOnlyList<string> RecordPath(string path, List<string> keys, int line, int column)
    {
        IReadOnlyList<string> resolved = keys;
        if (keys.Count > 0)
        {
            for (var i = _aliases.Count - 1; i >= 0; i--)
            {
                if (_aliases[i].Name != keys[0]) continue;
                if (_aliases[i].Segments is { } target)
                {
                    var joined = new List<string>(target.Count + keys.Count - 1);
                    joined.AddRange(target);
                    for (var k = 1; k < keys.Count; k++) joined.Add(keys[k]);
                    resolved = joined;
                }
                break;
            }
        }
        Paths.Add(new LiquidVariablePath(path, resolved, line, column));
        return resolved;
    }

    /// <summary>Marks the use recorded with <paramref name="segments"/> (the list <see cref="RecordPath"/> returned) as followed by <c>default</c>.</summary>
    public void MarkDefaulted(IReadOnlyList<string> segments)
    {
        for (var i = Paths.Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(Paths[i].Segments, segments))
            {
                Paths[i] = Paths[i] with { HasDefault = true };
                return;
            }
        }
    }

    private void Alias(string name, Expr value) =>
        _aliases.Add((name, value is LookupExpr { KeySegments.Count: > 0 } l ? l.KeySegments : null));

    private void LoopAlias(string name, Expr collection) =>
        _aliases.Add((name, collection is LookupExpr { KeySegments.Count: > 0 } l ? [.. l.KeySegments, "[]"] : null));

    private void EndAlias() => _aliases.RemoveAt(_aliases.Count - 1);

    public LiquidDiagnostic Diagnostic(string description, int offset, string? suffix = null)
    {
        var (l, c) = Locate(offset);
        return Diagnostics.Create(description, l, c, _options.Name, suffix);
    }

    public Node[] ParseDocument() => ParseBody(null, null, out _);

    private T At<T>(T node, int offset) where T : Node
    {
        (node.Line, node.Column) = Locate(offset);
        return node;
    }

    private Node[] ParseBody(string[]? ends, TemplateToken? owner, out TemplateToken? end)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var nodes = new List<Node>();
        while (_pos < _tokens.Count)
        {
            var t = _tokens[_pos++];
            switch (t.Kind)
            {
                case TokenKind.Text:
                    if (t.Text.Length > 0) nodes.Add(At(new TextNode(t.Text), t.Start));
                    break;
                case TokenKind.Output:
                    {
                        var n = ParseOutput(t);
                        if (n is not null) nodes.Add(n);
                        break;
                    }
                default:
                    if (ends is not null && Array.IndexOf(ends, t.Name) >= 0)
                    {
                        end = t;
                        return [.. nodes];
                    }
                    var node = ParseTag(t, owner);
                    if (node is not null) nodes.Add(node);
                    break;
            }
        }
        if (owner is not null)
            throw new LiquidSyntaxException($"'{owner.Name}' tag was never closed", owner.Start);
        end = null;
        return [.. nodes];
    }

    private Node[] ParseBlockBody(TemplateToken owner, string[] ends, out TemplateToken end)
    {
        if (++_depth > _options.MaxNestingDepth)
            throw new LiquidSyntaxException($"Nesting too deep: more than {_options.MaxNestingDepth} nested blocks (MaxNestingDepth)", owner.Start);
        try
        {
            var body = ParseBody(ends, owner, out var e);
            end = e!;
            return body;
        }
        finally
        {
            _depth--;
        }
    }

    // Records a markup error and lets parsing go on, so one pass reports every bad tag.
    private Node? Fail(LiquidSyntaxException e)
    {
        Errors.Add(Diagnostic("Liquid syntax error: " + e.Message, e.Offset));
        return null;
    }

    // Every expression parser lives only inside one Parse call, so they can all share one token list.
    private readonly List<ExprToken> _exprTokens = new(8);

    private ExpressionParser Exprs(string markup, int offset, bool lax) => new(this, markup, offset, lax, _exprTokens);

    /// <summary>
    /// Ruby's context for a syntax error at <paramref name="offset"/>: <c>in "{{ a[0 }}"</c> for an output, the tag's
    /// markup for a tag (<c>in "i in (1..x"</c>).
    /// </summary>
    internal string MarkupContext(int offset)
    {
        int lo = 0, hi = _tokens.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_tokens[mid].Start <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        if (found < 0) return "";
        var t = _tokens[found];
        return t.Kind == TokenKind.Output ? $"in \"{{{{{t.Markup}}}}}\"" : $"in \"{t.Markup.Trim()}\"";
    }

    /// <summary>
    /// Parses strictly; in lax mode, or for a tag Ruby parses the lax way in strict mode too (<paramref name="laxInStrict"/>:
    /// include, render, tablerow, cycle), falls back to a forgiving parse when the strict one fails.
    /// </summary>
    private T Parse<T>(string markup, int offset, Func<ExpressionParser, T> parse, bool laxInStrict = false)
    {
        var errorCount = Errors.Count;
        try
        {
            var p = Exprs(markup, offset, false);
            var r = parse(p);
            p.ExpectEnd();
            return r;
        }
        catch (LiquidSyntaxException) when (_lax || laxInStrict)
        {
            if (Errors.Count > errorCount) Errors.RemoveRange(errorCount, Errors.Count - errorCount);
            var p = Exprs(markup, offset, true);
            return parse(p);
        }
    }

    /// <summary>For block tags: a bad header is recorded and the block still parsed, so its end tag does not cause a second error.</summary>
    private T ParseHeader<T>(string markup, int offset, Func<ExpressionParser, T> parse, T fallback, bool laxInStrict = false)
    {
        try
        {
            return Parse(markup, offset, parse, laxInStrict);
        }
        catch (LiquidSyntaxException e)
        {
            Fail(e);
            return fallback;
        }
    }

    private Node? ParseOutput(TemplateToken t)
    {
        // An empty output renders nothing, in every mode, as in Ruby ("foo {{-}} bar" is "foobar").
        if (string.IsNullOrWhiteSpace(t.Markup)) return null;
        try
        {
            var e = Parse(t.Markup, t.MarkupStart, p => p.ParseFilterExpression());
            return At(new OutputNode(e), t.Start);
        }
        catch (LiquidSyntaxException e)
        {
            if (_lax) return null;
            return Fail(e);
        }
    }

    public FilterCall ResolveFilter(string name, int offset)
    {
        var (line, col) = Locate(offset);
        var call = new FilterCall { Name = name, Line = line, Column = col };
        if (_options.Filters.TryGetValue(name, out var fn))
        {
            call.Function = fn;
            if (_options.BrazeUnsupportedFilters.Contains(name))
                Warnings.Add(Diagnostic($"filter `{name}` is not supported by Braze", offset));
            return call;
        }
        if (!_lax && _options.StrictFilters)
        {
            var suggestion = Suggestions.Closest(name, _options.Filters.Keys);
            Errors.Add(Diagnostic($"unknown filter `{name}`", offset, suggestion is null ? null : $"; did you mean `{suggestion}`?"));
        }
        return call;
    }

    private Node? ParseTag(TemplateToken t, TemplateToken? owner)
    {
        try
        {
            if (TagRegistry.All.TryGetValue(t.Name, out var parse)) return parse(this, t);
            if (t.Name.Length == 0) return _lax ? null : throw new LiquidSyntaxException("Tag name expected in '{% %}'", t.Start);
            throw new LiquidSyntaxException(IsDelimiter(t.Name) && owner is null ? $"Unexpected tag '{t.Name}'" : $"Unknown tag '{t.Name}'", t.Start);
        }
        catch (LiquidSyntaxException e) when (IsMarkupError(e, t))
        {
            return Fail(e);
        }
    }

    // Errors inside a tag's own markup are recorded and parsing continues; structural ones end the parse.
    private static bool IsMarkupError(LiquidSyntaxException e, TemplateToken t) =>
        e.Offset >= t.MarkupStart && e.Offset <= t.MarkupStart + t.Markup.Length && !e.Message.Contains("never closed", StringComparison.Ordinal)
        && !e.Message.StartsWith("Nesting too deep", StringComparison.Ordinal);

}
