using System.Text.RegularExpressions;
using BrazeLite.Liquid.Runtime;

namespace BrazeLite.Liquid.Parsing;

// The parsers of the braze tags; TagRegistry maps the tag names to them.
internal sealed partial class TemplateParser
{
    internal Node ParseAbort(TemplateToken t)
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
    internal static partial Regex ConnectedOption();

    internal Node ParseConnectedContent(TemplateToken t)
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
