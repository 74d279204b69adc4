using BrazeLite.Liquid.Runtime;

namespace BrazeLite.Liquid.Parsing;

// The parsers of the control-flow tags; TagRegistry maps the tag names to them.
internal sealed partial class TemplateParser
{
    internal static readonly Expr Null = new LiteralExpr(null);

    internal static bool IsDelimiter(string name) =>
        name is "else" or "elsif" or "when" || name.StartsWith("end", StringComparison.Ordinal);

    internal Node ParseIf(TemplateToken t, bool unless)
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

    /// <summary><c>{% ifchanged %}</c>: its body is written only when it renders differently from the last ifchanged.</summary>
    internal Node ParseIfChanged(TemplateToken t) => At(new IfChangedNode(ParseBlockBody(t, ["endifchanged"], out _)), t.Start);

    internal Node ParseCase(TemplateToken t)
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
}
