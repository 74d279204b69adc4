using BrazeLite.Liquid.Runtime;

namespace BrazeLite.Liquid.Parsing;

// The parsers of the loop tags; TagRegistry maps the tag names to them.
internal sealed partial class TemplateParser
{
    // tablerow is parsed the lax way in Ruby's strict mode too; for is strict.
    internal (string Variable, Expr Collection, string CollectionText, Dictionary<string, Expr?> Attributes, bool Reversed) ParseLoopHeader(TemplateToken t, string tag)
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
                if (p.Lax) { p.Next(); continue; }
                throw p.Unexpected(ExprKind.End);
            }
            return (v, coll, text, attrs, reversed);
        }, ("item", Null, "", new Dictionary<string, Expr?>(), false), laxInStrict: tag == "tablerow");
    }

    internal Node ParseFor(TemplateToken t)
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

    internal Node ParseTablerow(TemplateToken t)
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

    // Ruby's QuotedFragment: a quoted string, or a run of characters other than whitespace, commas, pipes and quotes.
    [System.Text.RegularExpressions.GeneratedRegex("""^\s*("[^"]*"|'[^']*'|(?:[^\s,|'"]|"[^"]*"|'[^']*')+)\s*:\s*(.*)$""", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex NamedCycle();

    [System.Text.RegularExpressions.GeneratedRegex("""^("[^"]*"|'[^']*'|(?:[^\s,|'"]|"[^"]*"|'[^']*')+)""")]
    private static partial System.Text.RegularExpressions.Regex SimpleCycle();

    [System.Text.RegularExpressions.GeneratedRegex("""\s*("[^"]*"|'[^']*'|(?:[^\s,|'"]|"[^"]*"|'[^']*')+)\s*""")]
    private static partial System.Text.RegularExpressions.Regex CycleFragment();

    [System.Text.RegularExpressions.GeneratedRegex("""[\w-]+\??""")]
    private static partial System.Text.RegularExpressions.Regex RubyName();

    /// <summary>
    /// <c>cycle</c>, parsed as Ruby parses it in strict and lax mode alike: an optional <c>group:</c>, then the markup split
    /// at its commas, each part's first fragment a value. A trailing comma, or a second fragment in a part
    /// (<c>'a' 'b', 'c'</c> cycles a and c), is ignored.
    /// </summary>
    internal Node ParseCycle(TemplateToken t)
    {
        Expr? group = null;
        var list = t.Markup;
        var listOffset = t.MarkupStart;
        if (NamedCycle().Match(t.Markup) is { Success: true } named)
        {
            group = RubyExpression(named.Groups[1].Value, t.MarkupStart + named.Groups[1].Index);
            list = named.Groups[2].Value;
            listOffset = t.MarkupStart + named.Groups[2].Index;
        }
        else if (!SimpleCycle().IsMatch(t.Markup))
        {
            throw new LiquidSyntaxException("Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]", t.MarkupStart);
        }
        var values = new List<Expr>();
        var fragments = new List<string>();
        var at = 0;
        foreach (var part in list.Split(','))
        {
            if (CycleFragment().Match(part) is { Success: true } m)
            {
                var fragment = m.Groups[1];
                values.Add(RubyExpression(fragment.Value, listOffset + at + fragment.Index));
                fragments.Add(fragment.Value);
            }
            at += part.Length + 1;
        }
        if (values.Count == 0) throw new LiquidSyntaxException("Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]", t.MarkupStart);
        // Unnamed cycles of literals share a counter by their values; one holding a variable counts on its own.
        var key = group is null && values.Any(v => v is not LiteralExpr)
            ? "tag@" + t.Start.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : string.Join(",", fragments);
        return At(new CycleNode(group, key, [.. values]), t.Start);
    }

    /// <summary>
    /// A fragment read as Ruby's <c>Expression.parse</c> reads it: a literal, range or lookup when it is one, else a
    /// lookup of the first name in it (<c>.5</c> is the variable <c>5</c>), else nothing.
    /// </summary>
    private Expr RubyExpression(string fragment, int offset)
    {
        try
        {
            return Parse(fragment, offset, p => p.ParsePrimary(), laxInStrict: true);
        }
        catch (LiquidSyntaxException)
        {
            var name = RubyName().Match(fragment);
            return name.Success ? new LookupExpr { RootName = name.Value, Path = name.Value } : Null;
        }
    }

    internal Node ParseInterrupt(TemplateToken t, Interrupt kind) => At(new InterruptNode(kind), t.Start);
}
