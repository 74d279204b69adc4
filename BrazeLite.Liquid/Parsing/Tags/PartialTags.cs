using BrazeLite.Liquid.Runtime;

namespace BrazeLite.Liquid.Parsing;

// The parsers of the partial tags; TagRegistry maps the tag names to them.
internal sealed partial class TemplateParser
{
    internal Node ParseInclude(TemplateToken t)
    {
        var node = Parse(t.Markup, t.MarkupStart, p =>
        {
            var n = new IncludeNode { Name = p.ParsePrimary() };
            if (p.AcceptId("with") || p.AcceptId("for")) n.With = p.ParsePrimary();
            if (p.AcceptId("as")) n.Alias = p.Expect(ExprKind.Id).Text;
            n.Attributes = ParseAttributes(p);
            return n;
        }, laxInStrict: true); // Ruby's strict mode parses include and render the lax way: what it cannot read is skipped
        return At(node, t.Start);
    }

    internal Node ParseRender(TemplateToken t)
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
        }, laxInStrict: true); // Ruby's strict mode parses include and render the lax way: what it cannot read is skipped
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
            if (p.Lax)
            {
                p.Next();
                continue;
            }
            throw p.Unexpected(ExprKind.End);
        }
        return [.. list];
    }
}
