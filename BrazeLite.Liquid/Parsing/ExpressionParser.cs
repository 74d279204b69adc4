using System.Globalization;
using BrazeLite.Liquid.Runtime;

namespace BrazeLite.Liquid.Parsing;

/// <summary>Parses expressions, filters and conditions from the tokens of one tag or output.</summary>
internal sealed class ExpressionParser
{
    private readonly List<ExprToken> _t;
    private readonly TemplateParser _owner;
    private readonly bool _lax;
    private readonly bool _laxJunkStart;
    private int _nesting;
    private int _i;

    // `tokenBuffer`: a token list to reuse; this parser must be finished with before the buffer is reused.
    public ExpressionParser(TemplateParser owner, string markup, int offset, bool lax, List<ExprToken>? tokenBuffer = null)
    {
        _owner = owner;
        _lax = lax;
        _t = ExpressionLexer.Tokenize(markup, offset, tokenBuffer);
        if (lax)
        {
            _laxJunkStart = _t[0].Kind == ExprKind.Junk;
            LaxMinusSigns(_t);
            _t.RemoveAll(t => t.Kind == ExprKind.Junk);
            return;
        }
        // Ruby's lexer reads the whole markup before the parser starts, so a character it has no token for is the error,
        // wherever it stands. A minus sign is a token to Ruby (dash) that no expression may start with; a lone "=" is not
        // one (assign's "=" is split off before its value is parsed).
        foreach (var t in _t)
        {
            if ((t.Kind == ExprKind.Junk && t.Text != "-") || t.Kind == ExprKind.Assign) throw new LiquidSyntaxException($"Unexpected character {t.Text[0]} {_owner.MarkupContext(t.Offset)}", t.Offset);
        }
    }

    // Ruby's lax parser reads names with a regex in which "-" is a name character: "-x" is a variable of that name (which
    // does not exist) and a lone "-" one named "-", never a minus sign.
    private static void LaxMinusSigns(List<ExprToken> tokens)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens[k] is not { Kind: ExprKind.Junk, Text: "-" } dash) continue;
            if (tokens[k + 1] is { Kind: ExprKind.Id } name && name.Offset == dash.Offset + 1)
            {
                tokens[k] = new ExprToken(ExprKind.Id, "-" + name.Text, dash.Offset);
                tokens.RemoveAt(k + 1);
            }
            else
            {
                tokens[k] = new ExprToken(ExprKind.Id, "-", dash.Offset);
            }
        }
    }

    /// <summary>Whether this is the forgiving parse, which skips what it cannot read.</summary>
    public bool Lax => _lax;

    public ExprToken Current => _t[_i];
    public bool AtEnd => _t[_i].Kind == ExprKind.End;

    public ExprToken Next() => _t[_i++];

    public ExprToken Peek(int ahead = 1) => _t[Math.Min(_i + ahead, _t.Count - 1)];

    public bool IsId(string text) => Current.Kind == ExprKind.Id && Current.Text == text;

    public bool Accept(ExprKind kind)
    {
        if (Current.Kind != kind) return false;
        _i++;
        return true;
    }

    public bool AcceptId(string text)
    {
        if (!IsId(text)) return false;
        _i++;
        return true;
    }

    public ExprToken Expect(ExprKind kind)
    {
        if (Current.Kind != kind) throw Unexpected(kind);
        return _t[_i++];
    }

    /// <summary>Ruby's <c>Parser#consume</c> error: <c>Expected close_square but found end_of_string in "{{ a[0 }}"</c>.</summary>
    public LiquidSyntaxException Unexpected(ExprKind expected)
    {
        var c = Current;
        return new LiquidSyntaxException($"Expected {RubyType(expected)} but found {RubyType(c)} {_owner.MarkupContext(c.Offset)}", c.Offset);
    }

    /// <summary>Ruby's <c>Parser#expression</c> error: <c>[:dash, "-"] is not a valid expression in "{{ -x }}"</c>.</summary>
    private LiquidSyntaxException NotAnExpression()
    {
        var c = Current;
        var token = c.Kind == ExprKind.End ? "[:end_of_string]" : $"[:{RubyType(c)}, {RubyInspect(RubyText(c))}]";
        return new LiquidSyntaxException($"{token} is not a valid expression {_owner.MarkupContext(c.Offset)}", c.Offset);
    }

    public void ExpectEnd()
    {
        if (!AtEnd && !_lax) throw Unexpected(ExprKind.End);
    }

    // The names Ruby Liquid's lexer gives its tokens (lexer.rb), which its error messages print.
    private static string RubyType(ExprKind k) => k switch
    {
        ExprKind.Id or ExprKind.BrazeAttr => "id",
        ExprKind.String => "string",
        ExprKind.Int or ExprKind.Float => "number",
        ExprKind.Dot => "dot",
        ExprKind.DotDot => "dotdot",
        ExprKind.Comma => "comma",
        ExprKind.Colon => "colon",
        ExprKind.Pipe => "pipe",
        ExprKind.LBracket => "open_square",
        ExprKind.RBracket => "close_square",
        ExprKind.LParen => "open_round",
        ExprKind.RParen => "close_round",
        ExprKind.Compare => "comparison",
        ExprKind.End => "end_of_string",
        _ => k.ToString().ToLowerInvariant(),
    };

    private static string RubyType(ExprToken t) => t.Kind == ExprKind.Junk && t.Text == "-" ? "dash" : RubyType(t.Kind);

    // The token's text as Ruby's lexer holds it (a string with its quotes).
    private string RubyText(ExprToken t) => t.Kind switch
    {
        ExprKind.String => _owner.SourceText(t.Offset, t.Offset + t.Text.Length + 2),
        ExprKind.BrazeAttr => _owner.SourceText(t.Offset, t.Offset + t.Text.Length + 3),
        _ => t.Text,
    };

    // Ruby's String#inspect for the characters a template's token can hold.
    private static string RubyInspect(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    // ---------------------------------------------------------------- values

    public Expr ParsePrimary()
    {
        if (++_nesting > _owner.MaxNestingDepth)
            throw new LiquidSyntaxException($"Nesting too deep: an expression nests more than {_owner.MaxNestingDepth} levels (MaxNestingDepth)", Current.Offset);
        try
        {
            return ParsePrimaryCore();
        }
        finally
        {
            _nesting--;
        }
    }

    private Expr ParsePrimaryCore()
    {
        var tok = Current;
        Expr e;
        switch (tok.Kind)
        {
            case ExprKind.String:
                _i++;
                e = new LiteralExpr(tok.Text);
                break;
            case ExprKind.Int:
                _i++;
                e = new LiteralExpr(long.TryParse(tok.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                    ? (object)l : double.Parse(tok.Text, CultureInfo.InvariantCulture));
                break;
            case ExprKind.Float:
                _i++;
                e = new LiteralExpr(double.Parse(tok.Text, CultureInfo.InvariantCulture));
                break;
            case ExprKind.LParen:
                {
                    _i++;
                    var a = ParsePrimary();
                    if (_lax && Current.Kind != ExprKind.DotDot)
                    {
                        e = LaxParenthesised(a);
                        break;
                    }
                    Expect(ExprKind.DotDot);
                    if (_lax) while (Accept(ExprKind.Dot)) { } // (1...5) is 1..5 to the lax parser
                    var b = ParsePrimary();
                    if (_lax && Current.Kind != ExprKind.RParen)
                    {
                        e = new LiteralExpr(null); // "(1..x" is no range to Ruby's lax parser, but a name that does not exist
                        break;
                    }
                    Expect(ExprKind.RParen);
                    e = new RangeExpr(a, b);
                    break;
                }
            case ExprKind.Id when Peek().Kind is not (ExprKind.Dot or ExprKind.LBracket) && IsLiteralWord(tok.Text, out var lit):
                _i++;
                e = new LiteralExpr(lit);
                break;
            case ExprKind.Id or ExprKind.BrazeAttr or ExprKind.LBracket:
                e = ParseLookup();
                break;
            default:
                throw NotAnExpression();
        }
        var (line, col) = _owner.Locate(tok.Offset);
        e.Line = line;
        e.Column = col;
        return e;
    }

    private static bool IsAbsence(Expr e) => e is LiteralExpr { Value: null or EmptyValue or BlankValue };

    private static bool IsLiteralWord(string word, out object? value)
    {
        switch (word)
        {
            case "nil" or "null": value = null; return true;
            case "true": value = true; return true;
            case "false": value = false; return true;
            case "empty": value = EmptyValue.Instance; return true;
            case "blank": value = BlankValue.Instance; return true;
        }
        value = null;
        return false;
    }

    /// <summary>
    /// Lax mode's reading of a parenthesised value that is not a range, as Ruby's lax regexes read it: the first name
    /// inside, looked up as a variable (<c>(x)</c> is <c>x</c>, <c>("a")</c> the variable <c>a</c>, <c>(3)</c> nothing),
    /// and everything else up to the closing parenthesis dropped (<c>(x | plus: 1)</c> is <c>x</c>).
    /// </summary>
    private Expr LaxParenthesised(Expr first)
    {
        for (var depth = 1; !AtEnd; _i++)
        {
            if (Current.Kind == ExprKind.LParen) depth++;
            else if (Current.Kind == ExprKind.RParen && --depth == 0)
            {
                _i++;
                break;
            }
        }
        return first switch
        {
            LookupExpr lookup => lookup,
            LiteralExpr { Value: string name } when name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') => new LookupExpr { RootName = name, Path = name },
            _ => new LiteralExpr(null),
        };
    }

    // A lookup's closing bracket; lax mode reads a bracket left open as closed ("a['b'" is a['b'], as in Ruby).
    private void CloseBracket()
    {
        if (!_lax || Current.Kind == ExprKind.RBracket) Expect(ExprKind.RBracket);
    }

    private Expr ParseLookup()
    {
        var start = Current.Offset;
        var e = new LookupExpr();
        var constant = new List<string>(4);
        var dynamic = false;
        var tok = Next();
        switch (tok.Kind)
        {
            case ExprKind.Id:
            case ExprKind.BrazeAttr:
                e.RootName = tok.Text;
                constant.Add(tok.Text);
                break;
            default:
                {
                    var inner = ParseFilterless();
                    CloseBracket();
                    if (inner is LiteralExpr { Value: string s })
                    {
                        e.RootName = s;
                        constant.Add(s);
                    }
                    else
                    {
                        e.RootExpr = inner;
                        dynamic = true;
                    }
                    break;
                }
        }
        var segs = new List<LookupSegment>();
        while (true)
        {
            if (Current.Kind == ExprKind.Dot)
            {
                _i++;
                var k = Current;
                if (k.Kind is not (ExprKind.Id or ExprKind.BrazeAttr))
                {
                    if (_lax) break;
                    throw Unexpected(ExprKind.Id);
                }
                _i++;
                segs.Add(new LookupSegment(k.Text, null, k.Kind == ExprKind.Id));
                if (!dynamic) constant.Add(k.Text);
            }
            else if (Current.Kind == ExprKind.LBracket)
            {
                _i++;
                if (_lax && Current.Kind is ExprKind.End or ExprKind.Pipe) break; // "a[" reads as a
                var inner = ParseFilterless();
                CloseBracket();
                if (inner is LiteralExpr lit)
                {
                    segs.Add(new LookupSegment(lit.Value, null, false));
                    if (!dynamic && lit.Value is string ks) constant.Add(ks);
                    else if (!dynamic && lit.Value is long) constant.Add("[]");
                    else dynamic = true;
                }
                else
                {
                    segs.Add(new LookupSegment(null, inner, false));
                    dynamic = true;
                }
            }
            else break;
        }
        e.Segments = [.. segs];
        e.Path = _owner.SourceText(start, Current.Offset);
        var (line, col) = _owner.Locate(start);
        e.KeySegments = _owner.RecordPath(e.Path, constant, line, col);
        return e;
    }

    /// <summary>A value inside brackets: a primary expression (filters are not allowed there).</summary>
    private Expr ParseFilterless() => ParsePrimary();

    // ---------------------------------------------------------------- filters

    public Expr ParseFilterExpression()
    {
        Expr input;
        if (_laxJunkStart)
        {
            // Lax Liquid reads a malformed name as a variable that does not exist.
            input = new LiteralExpr(null);
            while (!AtEnd && Current.Kind != ExprKind.Pipe) _i++;
        }
        else input = ParsePrimary();
        List<FilterCall>? filters = null;
        while (Current.Kind == ExprKind.Pipe)
        {
            _i++;
            if (_lax) while (Accept(ExprKind.Pipe)) { }
            var nameTok = Current;
            if (nameTok.Kind != ExprKind.Id)
            {
                if (_lax) break;
                throw Unexpected(ExprKind.Id);
            }
            _i++;
            var call = _owner.ResolveFilter(nameTok.Text, nameTok.Offset);
            if (Accept(ExprKind.Colon))
            {
                var args = new List<Expr>(2);
                List<(string, Expr)>? named = null;
                do
                {
                    if (Current.Kind == ExprKind.Id && Peek().Kind == ExprKind.Colon)
                    {
                        var key = Next().Text;
                        _i++;
                        (named ??= []).Add((key, ParsePrimary()));
                    }
                    else args.Add(ParsePrimary());
                }
                while (Accept(ExprKind.Comma));
                call.Args = [.. args];
                if (named is not null) call.Named = [.. named];
            }
            (filters ??= new List<FilterCall>(2)).Add(call);
            // `x | default: ...` says the author expects x may be missing: no warning for it.
            if (call.Name == "default" && input is LookupExpr quiet)
            {
                quiet.Quiet = true;
                _owner.MarkDefaulted(quiet.KeySegments);
            }
        }
        return filters is null ? input : new FilteredExpr(input, [.. filters]) { Line = input.Line, Column = input.Column };
    }

    // ---------------------------------------------------------------- conditions

    public Expr ParseCondition()
    {
        var conds = new List<Expr> { ParseComparison() };
        var ops = new List<bool>();
        while (IsId("and") || IsId("or"))
        {
            ops.Add(Next().Text == "and");
            conds.Add(ParseComparison());
        }
        return conds.Count == 1 ? conds[0] : new LogicExpr([.. conds], [.. ops]) { Line = conds[0].Line, Column = conds[0].Column };
    }

    private Expr ParseComparison()
    {
        var left = ParsePrimary();
        string? op = null;
        if (Current.Kind == ExprKind.Compare) op = Next().Text;
        else if (IsId("contains")) op = Next().Text;
        if (op is null) return left;
        var right = ParsePrimary();
        // `x == blank`, `x != nil`: the author expects x may be missing, so it is not warned about.
        if (op is "==" or "!=" or "<>")
        {
            if (left is LookupExpr l && IsAbsence(right)) l.Quiet = true;
            if (right is LookupExpr r && IsAbsence(left)) r.Quiet = true;
        }
        return new ComparisonExpr(left, op, right) { Line = left.Line, Column = left.Column };
    }
}
