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

    /// <summary>Parses strictly; in lax mode falls back to a forgiving parse when the strict one fails.</summary>
    private T Parse<T>(string markup, int offset, Func<ExpressionParser, T> parse)
    {
        var errorCount = Errors.Count;
        try
        {
            var p = Exprs(markup, offset, false);
            var r = parse(p);
            p.ExpectEnd();
            return r;
        }
        catch (LiquidSyntaxException) when (_lax)
        {
            if (Errors.Count > errorCount) Errors.RemoveRange(errorCount, Errors.Count - errorCount);
            var p = Exprs(markup, offset, true);
            return parse(p);
        }
    }

    /// <summary>For block tags: a bad header is recorded and the block still parsed, so its end tag does not cause a second error.</summary>
    private T ParseHeader<T>(string markup, int offset, Func<ExpressionParser, T> parse, T fallback)
    {
        try
        {
            return Parse(markup, offset, parse);
        }
        catch (LiquidSyntaxException e)
        {
            Fail(e);
            return fallback;
        }
    }

    private Node? ParseOutput(TemplateToken t)
    {
        if (string.IsNullOrWhiteSpace(t.Markup))
        {
            if (_lax) return null;
            return Fail(new LiquidSyntaxException("Empty output tag '{{ }}'", t.Start));
        }
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
            var suggestion = Suggest(name);
            Errors.Add(Diagnostic($"unknown filter `{name}`", offset, suggestion is null ? null : $"; did you mean `{suggestion}`?"));
        }
        return call;
    }

    private string? Suggest(string name)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in _options.Filters.Keys)
        {
            var d = Levenshtein(name, candidate);
            if (d < bestDistance || (d == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                bestDistance = d;
                best = candidate;
            }
        }
        return best is not null && bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    internal static int Levenshtein(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    // ---------------------------------------------------------------- tags

    private Node? ParseTag(TemplateToken t, TemplateToken? owner)
    {
        try
        {
            return t.Name switch
            {
                "if" => ParseIf(t, false),
                "unless" => ParseIf(t, true),
                "case" => ParseCase(t),
                "for" => ParseFor(t),
                "tablerow" => ParseTablerow(t),
                "assign" => ParseAssign(t),
                "capture" => ParseCapture(t),
                "increment" => At(new CounterNode(VariableName(t), true), t.Start),
                "decrement" => At(new CounterNode(VariableName(t), false), t.Start),
                "cycle" => ParseCycle(t),
                "echo" => ParseEcho(t),
                "break" => At(new InterruptNode(Interrupt.Break), t.Start),
                "continue" => At(new InterruptNode(Interrupt.Continue), t.Start),
                "comment" => SkipComment(t),
                "#" => At(new CommentNode(), t.Start),
                "raw" => ParseRaw(t),
                "liquid" => ParseLiquid(t),
                "include" => ParseInclude(t),
                "render" => ParseRender(t),
                "abort_message" => ParseAbort(t),
                "connected_content" => ParseConnectedContent(t),
                "" => _lax ? null : throw new LiquidSyntaxException("Tag name expected in '{% %}'", t.Start),
                _ => throw new LiquidSyntaxException(IsDelimiter(t.Name) && owner is null
                    ? $"Unexpected tag '{t.Name}'" : $"Unknown tag '{t.Name}'", t.Start),
            };
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

    private static readonly Expr Null = new LiteralExpr(null);

    private static bool IsDelimiter(string name) =>
        name is "else" or "elsif" or "when" || name.StartsWith("end", StringComparison.Ordinal);

    private Node ParseIf(TemplateToken t, bool unless)
    {
        var branches = new List<(Expr?, Node[])>();
        var cond = ParseHeader(t.Markup, t.MarkupStart, p => p.ParseCondition(), Null);
        var endName = unless ? "endunless" : "endif";
        string[] ends = ["elsif", "else", endName];
        var body = ParseBlockBody(t, ends, out var end);
        branches.Add((cond, body));
        while (end.Name != endName)
        {
            if (end.Name == "elsif")
            {
                var c = ParseHeader(end.Markup, end.MarkupStart, p => p.ParseCondition(), Null);
                body = ParseBlockBody(t, ends, out var next);
                branches.Add((c, body));
                end = next;
            }
            else
            {
                body = ParseBlockBody(t, [endName], out var next);
                branches.Add((null, body));
                end = next;
            }
        }
        var node = new IfNode(branches, unless);
        if (node.Blank)
            for (var i = 0; i < branches.Count; i++) branches[i] = (branches[i].Item1, Nodes.RemoveBlankStrings(branches[i].Item2));
        return At(node, t.Start);
    }

    private Node ParseCase(TemplateToken t)
    {
        var subject = ParseHeader(t.Markup, t.MarkupStart, p => p.ParsePrimary(), Null);
        var blocks = new List<(Expr[]?, Node[])>();
        string[] ends = ["when", "else", "endcase"];
        ParseBlockBody(t, ends, out var end);
        while (end.Name != "endcase")
        {
            Expr[]? values = null;
            if (end.Name == "when")
            {
                values = ParseHeader(end.Markup, end.MarkupStart, p =>
                {
                    var list = new List<Expr> { p.ParsePrimary() };
                    while (p.Accept(ExprKind.Comma) || p.AcceptId("or")) list.Add(p.ParsePrimary());
                    return list.ToArray();
                }, []);
            }
            var body = ParseBlockBody(t, ends, out var next);
            blocks.Add((values, body));
            end = next;
        }
        var node = new CaseNode(subject, blocks);
        if (node.Blank)
            for (var i = 0; i < blocks.Count; i++) blocks[i] = (blocks[i].Item1, Nodes.RemoveBlankStrings(blocks[i].Item2));
        return At(node, t.Start);
    }

    private (string Variable, Expr Collection, string CollectionText, Dictionary<string, Expr?> Attributes, bool Reversed) ParseLoopHeader(TemplateToken t, string tag)
    {
        return ParseHeader(t.Markup, t.MarkupStart, p =>
        {
            var v = p.Expect(ExprKind.Id).Text;
            if (!p.AcceptId("in")) throw new LiquidSyntaxException($"Syntax Error in '{tag} loop' - Valid syntax: {tag} [item] in [collection]", p.Current.Offset);
            var start = p.Current.Offset;
            var coll = p.ParsePrimary();
            var text = SourceText(start, p.Current.Offset);
            var reversed = false;
            var attrs = new Dictionary<string, Expr?>(StringComparer.Ordinal);
            while (!p.AtEnd)
            {
                if (p.AcceptId("reversed")) { reversed = true; continue; }
                if (p.Accept(ExprKind.Comma)) continue;
                if (p.Current.Kind == ExprKind.Id && p.Peek().Kind == ExprKind.Colon)
                {
                    var key = p.Next().Text;
                    p.Next();
                    if (key == "offset" && p.AcceptId("continue")) attrs["offset"] = null;
                    else attrs[key] = p.ParsePrimary();
                    continue;
                }
                if (_lax) { p.Next(); continue; }
                throw p.Unexpected("end of tag");
            }
            return (v, coll, text, attrs, reversed);
        }, ("item", Null, "", new Dictionary<string, Expr?>(), false));
    }

    private Node ParseFor(TemplateToken t)
    {
        var (v, coll, text, attrs, reversed) = ParseLoopHeader(t, "for");
        var node = new ForNode
        {
            Variable = v,
            Collection = coll,
            OffsetKey = v + "-" + text,
            Reversed = reversed,
            Limit = attrs.GetValueOrDefault("limit"),
        };
        if (attrs.TryGetValue("offset", out var off))
        {
            if (off is null) node.OffsetContinue = true;
            else node.Offset = off;
        }
        LoopAlias(v, coll);
        node.Body = ParseBlockBody(t, ["else", "endfor"], out var end);
        EndAlias();
        if (end.Name == "else") node.ElseBody = ParseBlockBody(t, ["endfor"], out _);
        if (node.Blank)
        {
            node.Body = Nodes.RemoveBlankStrings(node.Body);
            if (node.ElseBody is not null) node.ElseBody = Nodes.RemoveBlankStrings(node.ElseBody);
        }
        return At(node, t.Start);
    }

    private Node ParseTablerow(TemplateToken t)
    {
        var (v, coll, _, attrs, _) = ParseLoopHeader(t, "tablerow");
        var node = new TablerowNode
        {
            Variable = v,
            Collection = coll,
            Limit = attrs.GetValueOrDefault("limit"),
            Offset = attrs.GetValueOrDefault("offset"),
            Cols = attrs.GetValueOrDefault("cols"),
        };
        LoopAlias(v, coll);
        node.Body = ParseBlockBody(t, ["endtablerow"], out _);
        EndAlias();
        return At(node, t.Start);
    }

    [GeneratedRegex(@"^\s*([\w\-\.\[\]]+|\$\{[^}]*\})\s*=(?!=)", RegexOptions.CultureInvariant)]
    private static partial Regex AssignSyntax();

    private Node ParseAssign(TemplateToken t)
    {
        var m = AssignSyntax().Match(t.Markup);
        if (!m.Success)
            throw new LiquidSyntaxException("Syntax Error in 'assign' - Valid syntax: assign [var] = [source]", t.MarkupStart);
        var name = m.Groups[1].Value;
        if (name.StartsWith("${", StringComparison.Ordinal)) name = name[2..^1].Trim();
        var rest = t.Markup[m.Length..];
        var offset = t.MarkupStart + m.Length;
        if (string.IsNullOrWhiteSpace(rest))
        {
            if (_lax) return At(new AssignNode(name, new LiteralExpr(null)), t.Start);
            throw new LiquidSyntaxException("Syntax Error in 'assign' - Valid syntax: assign [var] = [source]", offset);
        }
        var value = Parse(rest, offset, p => p.ParseFilterExpression());
        Alias(name, value);
        return At(new AssignNode(name, value), t.Start);
    }

    private Node ParseCapture(TemplateToken t)
    {
        var name = t.Markup.Trim().Trim('\'', '"');
        if (name.Length == 0 && !_lax)
            throw new LiquidSyntaxException("Syntax Error in 'capture' - Valid syntax: capture [var]", t.MarkupStart);
        var body = ParseBlockBody(t, ["endcapture"], out _);
        _aliases.Add((name, null));
        return At(new CaptureNode(name, body), t.Start);
    }

    private string VariableName(TemplateToken t)
    {
        var name = t.Markup.Trim();
        if (name.StartsWith("${", StringComparison.Ordinal) && name.EndsWith('}')) name = name[2..^1].Trim();
        if (name.Length == 0 && !_lax)
            throw new LiquidSyntaxException($"Syntax Error in '{t.Name}' - Valid syntax: {t.Name} [var]", t.MarkupStart);
        return name;
    }

    private Node ParseCycle(TemplateToken t)
    {
        var (group, values) = Parse(t.Markup, t.MarkupStart, p =>
        {
            Expr? g = null;
            var first = p.ParsePrimary();
            var list = new List<Expr>();
            if (p.Accept(ExprKind.Colon)) g = first;
            else
            {
                list.Add(first);
                if (!p.Accept(ExprKind.Comma)) return (g, list);
            }
            do list.Add(p.ParsePrimary());
            while (p.Accept(ExprKind.Comma));
            return (g, list);
        });
        if (values.Count == 0) throw new LiquidSyntaxException("Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]", t.MarkupStart);
        // Unnamed cycles of literals share a counter by their values; one holding a variable counts on its own.
        var key = group is null && values.Any(v => v is not LiteralExpr)
            ? "tag@" + t.Start.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : string.Join(",", t.Markup.Split(',').Select(s => s.Trim()));
        return At(new CycleNode(group, key, [.. values]), t.Start);
    }

    private Node? ParseEcho(TemplateToken t)
    {
        if (string.IsNullOrWhiteSpace(t.Markup)) return null;
        var e = Parse(t.Markup, t.MarkupStart, p => p.ParseFilterExpression());
        return At(new OutputNode(e), t.Start);
    }

    private Node SkipComment(TemplateToken t)
    {
        var depth = 1;
        while (_pos < _tokens.Count)
        {
            var tok = _tokens[_pos++];
            if (tok.Kind != TokenKind.Tag) continue;
            if (tok.Name == "comment") depth++;
            else if (tok.Name == "endcomment" && --depth == 0) return At(new CommentNode(), t.Start);
        }
        throw new LiquidSyntaxException("'comment' tag was never closed", t.Start);
    }

    private Node ParseRaw(TemplateToken t)
    {
        var text = "";
        if (_pos < _tokens.Count && _tokens[_pos].Kind == TokenKind.Text) text = _tokens[_pos++].Text;
        if (_pos < _tokens.Count && _tokens[_pos].Name == "endraw") _pos++;
        else throw new LiquidSyntaxException("'raw' tag was never closed", t.Start);
        return At(new TextNode(text), t.Start);
    }

    private Node ParseLiquid(TemplateToken t)
    {
        var tokens = new List<TemplateToken>();
        var offset = t.MarkupStart;
        foreach (var rawLine in t.Markup.Split('\n'))
        {
            var lineStart = offset;
            offset += rawLine.Length + 1;
            var i = 0;
            while (i < rawLine.Length && char.IsWhiteSpace(rawLine[i])) i++;
            if (i == rawLine.Length) continue;
            var nameStart = i;
            if (rawLine[i] == '#') i++;
            else while (i < rawLine.Length && (char.IsLetterOrDigit(rawLine[i]) || rawLine[i] == '_')) i++;
            var name = rawLine[nameStart..i];
            while (i < rawLine.Length && char.IsWhiteSpace(rawLine[i])) i++;
            tokens.Add(new TemplateToken
            {
                Kind = TokenKind.Tag, Start = lineStart + nameStart, Name = name, Markup = rawLine[i..].TrimEnd(), MarkupStart = lineStart + i,
            });
        }
        var sub = Sub(tokens);
        var body = sub.ParseDocument();
        return At(new BlockNode(body), t.Start);
    }

    private Node ParseInclude(TemplateToken t)
    {
        var node = Parse(t.Markup, t.MarkupStart, p =>
        {
            var n = new IncludeNode { Name = p.ParsePrimary() };
            if (p.AcceptId("with") || p.AcceptId("for")) n.With = p.ParsePrimary();
            if (p.AcceptId("as")) n.Alias = p.Expect(ExprKind.Id).Text;
            n.Attributes = ParseAttributes(p);
            return n;
        });
        return At(node, t.Start);
    }

    private Node ParseRender(TemplateToken t)
    {
        var node = Parse(t.Markup, t.MarkupStart, p =>
        {
            if (p.Current.Kind != ExprKind.String)
                throw new LiquidSyntaxException("Syntax error in tag 'render' - Template name must be a quoted string", p.Current.Offset);
            var n = new RenderNode { Name = p.Next().Text };
            if (p.AcceptId("with")) n.With = p.ParsePrimary();
            else if (p.AcceptId("for"))
            {
                n.With = p.ParsePrimary();
                n.For = true;
            }
            if (p.AcceptId("as")) n.Alias = p.Expect(ExprKind.Id).Text;
            n.Attributes = ParseAttributes(p);
            return n;
        });
        return At(node, t.Start);
    }

    private (string, Expr)[] ParseAttributes(ExpressionParser p)
    {
        var list = new List<(string, Expr)>();
        while (!p.AtEnd)
        {
            if (p.Accept(ExprKind.Comma)) continue;
            if (p.Current.Kind == ExprKind.Id && p.Peek().Kind == ExprKind.Colon)
            {
                var key = p.Next().Text;
                p.Next();
                list.Add((key, p.ParsePrimary()));
                continue;
            }
            if (_lax)
            {
                p.Next();
                continue;
            }
            throw p.Unexpected("end of tag");
        }
        return [.. list];
    }

    private Node ParseAbort(TemplateToken t)
    {
        var markup = t.Markup.Trim();
        var offset = t.MarkupStart;
        if (markup.StartsWith('('))
        {
            if (!markup.EndsWith(')'))
                throw new LiquidSyntaxException("Syntax Error in 'abort_message' - Valid syntax: abort_message('reason')", t.MarkupStart);
            markup = markup[1..^1];
            offset++;
        }
        if (string.IsNullOrWhiteSpace(markup)) return At(new AbortNode(null), t.Start);
        var reason = Parse(markup, offset, p => p.ParseFilterExpression());
        return At(new AbortNode(reason), t.Start);
    }

    [GeneratedRegex(@"\s:(\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex ConnectedOption();

    private Node ParseConnectedContent(TemplateToken t)
    {
        var markup = t.Markup;
        var first = ConnectedOption().Match(markup);
        var urlPart = first.Success ? markup[..first.Index] : markup;
        if (string.IsNullOrWhiteSpace(urlPart))
            throw new LiquidSyntaxException("Syntax Error in 'connected_content' - Valid syntax: connected_content URL [:save name]", t.MarkupStart);
        string? save = null;
        var m = Regex.Match(markup, @"\s:save\s+([\w\-]+)", RegexOptions.CultureInvariant);
        if (m.Success) save = m.Groups[1].Value;
        var urlTokens = TemplateLexer.Tokenize(urlPart);
        foreach (var tok in urlTokens)
        {
            tok.Start += t.MarkupStart;
            tok.MarkupStart += t.MarkupStart;
        }
        var url = Sub(urlTokens).ParseDocument();
        return At(new ConnectedContentNode(url, save), t.Start);
    }
}
