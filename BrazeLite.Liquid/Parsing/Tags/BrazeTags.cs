using System.Globalization;
using System.Text.RegularExpressions;
using BrazeLite.Liquid.Runtime;

namespace BrazeLite.Liquid.Parsing;

// The parsers of the tags Braze adds; TagRegistry maps the tag names to them.
internal sealed partial class TemplateParser
{
    private const string ConnectedContentSyntax =
        "Syntax Error in 'connected_content' - Valid syntax: connected_content URL [:method get|post|put|delete] [:headers {json}] [:body text] "
        + "[:content_type type] [:basic_auth name] [:retry] [:cache_max_age seconds] [:save name]";

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

    // An option starts with whitespace, a colon and its name: " :save", " :headers".
    [GeneratedRegex(@"(?:^|\s):(\w+)", RegexOptions.CultureInvariant)]
    internal static partial Regex ConnectedOption();

    internal Node ParseConnectedContent(TemplateToken t)
    {
        var markup = t.Markup;
        var matches = ConnectedOption().Matches(markup);
        var urlPart = matches.Count > 0 ? markup[..matches[0].Index] : markup;
        if (string.IsNullOrWhiteSpace(urlPart)) throw new LiquidSyntaxException(ConnectedContentSyntax, t.MarkupStart);
        var options = new ConnectedContentOptions { Url = ParseEmbedded(urlPart, t.MarkupStart) };
        for (var i = 0; i < matches.Count; i++)
        {
            var name = matches[i].Groups[1].Value;
            var valueStart = matches[i].Index + matches[i].Length;
            var valueEnd = i + 1 < matches.Count ? matches[i + 1].Index : markup.Length;
            var raw = markup[valueStart..valueEnd];
            var value = raw.Trim();
            var valueOffset = t.MarkupStart + valueStart + (raw.Length - raw.TrimStart().Length);
            switch (name)
            {
                case "method":
                    options.Method = value.ToUpperInvariant();
                    if (options.Method is not ("GET" or "POST" or "PUT" or "DELETE"))
                        throw new LiquidSyntaxException($"connected_content :method must be get, post, put or delete, not '{value}'", valueOffset);
                    break;
                case "headers":
                    options.Headers = ParseEmbedded(Required(value, name, valueOffset), valueOffset);
                    break;
                case "body":
                    options.Body = ParseEmbedded(Required(value, name, valueOffset), valueOffset);
                    break;
                case "content_type":
                    options.ContentType = Required(value, name, valueOffset);
                    break;
                case "basic_auth":
                    options.BasicAuth = Required(value, name, valueOffset);
                    break;
                case "retry":
                    options.Retry = true;
                    break;
                case "cache_max_age":
                    if (value.Length == 0) break;
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                        throw new LiquidSyntaxException($"connected_content :cache_max_age takes a number of seconds, not '{value}'", valueOffset);
                    options.CacheMaxAge = TimeSpan.FromSeconds(seconds);
                    break;
                case "save":
                    var saveName = Regex.Match(value, @"^[\w\-]+", RegexOptions.CultureInvariant).Value;
                    if (saveName.Length == 0) throw new LiquidSyntaxException("connected_content :save needs a variable name", valueOffset);
                    options.SaveAs = saveName;
                    break;
                case "cache":
                    // Braze's older spelling of caching, kept for old templates; the default cache applies.
                    break;
                default:
                    if (!_lax)
                        throw new LiquidSyntaxException($"Unknown connected_content option ':{name}'; {ConnectedContentSyntax}", t.MarkupStart + matches[i].Index + 1);
                    break;
            }
        }
        return At(new ConnectedContentNode(options), t.Start);
    }

    private static string Required(string value, string option, int offset) =>
        value.Length > 0 ? value : throw new LiquidSyntaxException($"connected_content :{option} needs a value", offset);

    // A part of the tag's markup that may hold Liquid itself ({{ }} in a URL, body or header value).
    private Node[] ParseEmbedded(string text, int offset)
    {
        var tokens = TemplateLexer.Tokenize(text);
        foreach (var tok in tokens)
        {
            tok.Start += offset;
            tok.MarkupStart += offset;
        }
        return Sub(tokens).ParseDocument();
    }
}
