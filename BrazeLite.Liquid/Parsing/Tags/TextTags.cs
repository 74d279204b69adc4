using BrazeLite.Liquid.Runtime;

namespace BrazeLite.Liquid.Parsing;

// The parsers of the text tags; TagRegistry maps the tag names to them.
internal sealed partial class TemplateParser
{
    internal Node SkipComment(TemplateToken t)
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

    internal Node ParseRaw(TemplateToken t)
    {
        var text = "";
        if (_pos < _tokens.Count && _tokens[_pos].Kind == TokenKind.Text) text = _tokens[_pos++].Text;
        if (_pos < _tokens.Count && _tokens[_pos].Name == "endraw") _pos++;
        else throw new LiquidSyntaxException("'raw' tag was never closed", t.Start);
        return At(new RawNode(text), t.Start);
    }

    /// <summary>
    /// <c>{% doc %}...{% enddoc %}</c> (Liquid 5.6): documentation that renders nothing. Its body is not parsed, a doc
    /// may not hold another, and the tag is blank only when its body is empty (Ruby's rule).
    /// </summary>
    internal Node ParseDoc(TemplateToken t)
    {
        if (!string.IsNullOrWhiteSpace(t.Markup))
            throw new LiquidSyntaxException("Syntax Error in 'doc' - Valid syntax: {% doc %}{% enddoc %}", t.Start);
        var empty = true;
        while (_pos < _tokens.Count)
        {
            var tok = _tokens[_pos++];
            if (tok.Kind == TokenKind.Tag && tok.Name == "doc")
                throw new LiquidSyntaxException("Syntax Error in 'doc' - Nested doc tags are not allowed", tok.Start);
            if (tok.Kind == TokenKind.Tag && tok.Name == "enddoc") return At(new DocNode(empty), t.Start);
            empty &= tok.Kind == TokenKind.Text && tok.Text.Length == 0;
        }
        throw new LiquidSyntaxException("'doc' tag was never closed", t.Start);
    }

    internal Node ParseLiquid(TemplateToken t)
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

    internal Node ParseInlineComment(TemplateToken t) => At(new CommentNode(), t.Start);
}
