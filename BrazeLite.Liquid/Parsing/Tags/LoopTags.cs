using BrazeLite.Liquid.Runtime;

namespace BrazeLite.Liquid.Parsing;

// The parsers of the loop tags; TagRegistry maps the tag names to them.
internal sealed partial class TemplateParser
{
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
                if (_lax) { p.Next(); continue; }
                throw p.Unexpected(ExprKind.End);
            }
            return (v, coll, text, attrs, reversed);
        }, ("item", Null, "", new Dictionary<string, Expr?>(), false));
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

    internal Node ParseCycle(TemplateToken t)
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

    internal Node ParseInterrupt(TemplateToken t, Interrupt kind) => At(new InterruptNode(kind), t.Start);
}
