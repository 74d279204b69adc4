using System.Text.RegularExpressions;

namespace BrazeLite.Liquid.Parsing;

/// <summary>Splits a template into text, output and tag tokens, applying whitespace control.</summary>
internal static partial class TemplateLexer
{
    [GeneratedRegex(@"\{%-?\s*endraw\s*-?%\}", RegexOptions.CultureInvariant)]
    private static partial Regex EndRaw();

    public static List<TemplateToken> Tokenize(string src)
    {
        var tokens = new List<TemplateToken>(Math.Min(src.Length / 16 + 4, 4096));
        var pos = 0;
        while (pos < src.Length)
        {
            var open = FindOpen(src, pos);
            if (open < 0)
            {
                tokens.Add(new TemplateToken { Kind = TokenKind.Text, Text = src[pos..], Start = pos });
                break;
            }
            if (open > pos) tokens.Add(new TemplateToken { Kind = TokenKind.Text, Text = src[pos..open], Start = pos });
            if (src[open + 1] == '{')
            {
                var close = FindOutputEnd(src, open + 2);
                if (close < 0)
                    throw new LiquidSyntaxException("Variable '{{' was not properly terminated with '}}'", open);
                var trimL = open + 2 < close && src[open + 2] == '-';
                // "{{-}}" trims both sides with its one "-", as in Ruby.
                var trimR = close - 1 >= open + 2 && src[close - 1] == '-';
                var ms = open + 2 + (trimL ? 1 : 0);
                var me = close - (trimR ? 1 : 0);
                tokens.Add(new TemplateToken
                {
                    Kind = TokenKind.Output, Start = open, Markup = src[ms..Math.Max(ms, me)], MarkupStart = ms,
                    TrimLeft = trimL, TrimRight = trimR,
                });
                pos = close + 2;
            }
            else
            {
                var close = src.IndexOf("%}", open + 2, StringComparison.Ordinal);
                if (close < 0)
                    throw new LiquidSyntaxException("Tag '{%' was not properly terminated with '%}'", open);
                var trimL = open + 2 < close && src[open + 2] == '-';
                var trimR = close - 1 >= open + 2 + (trimL ? 1 : 0) && src[close - 1] == '-';
                var ms = open + 2 + (trimL ? 1 : 0);
                var me = Math.Max(ms, close - (trimR ? 1 : 0));
                var i = ms;
                while (i < me && char.IsWhiteSpace(src[i])) i++;
                var nameStart = i;
                if (i < me && src[i] == '#') i++;
                else while (i < me && (char.IsLetterOrDigit(src[i]) || src[i] == '_')) i++;
                var name = src[nameStart..i];
                while (i < me && char.IsWhiteSpace(src[i])) i++;
                var tok = new TemplateToken
                {
                    Kind = TokenKind.Tag, Start = open, Name = name, Markup = src.AsSpan(i, me - i).TrimEnd().ToString(), MarkupStart = i,
                    TrimLeft = trimL, TrimRight = trimR,
                };
                tokens.Add(tok);
                pos = close + 2;
                if (name == "raw")
                {
                    var m = EndRaw().Match(src, pos);
                    if (!m.Success) throw new LiquidSyntaxException("'raw' tag was never closed", open);
                    // Ruby keeps a raw body as written: neither "raw -%}" nor "{%- endraw" trims it.
                    var body = src[pos..m.Index];
                    tokens.Add(new TemplateToken { Kind = TokenKind.Text, Text = body, Start = pos, Name = "raw" });
                    tokens.Add(new TemplateToken
                    {
                        Kind = TokenKind.Tag, Start = m.Index, Name = "endraw", MarkupStart = m.Index,
                        TrimLeft = false, TrimRight = m.Value.EndsWith("-%}", StringComparison.Ordinal),
                    });
                    pos = m.Index + m.Length;
                }
            }
        }

        // Whitespace control: "-" strips all whitespace (newlines included) on that side.
        for (var t = 0; t < tokens.Count; t++)
        {
            var tok = tokens[t];
            if (tok.Kind == TokenKind.Text) continue;
            if (tok.TrimLeft && t > 0 && tokens[t - 1].Kind == TokenKind.Text && tokens[t - 1].Name != "raw")
                tokens[t - 1].Text = tokens[t - 1].Text.TrimEnd();
            if (tok.TrimRight && t + 1 < tokens.Count && tokens[t + 1].Kind == TokenKind.Text && tokens[t + 1].Name != "raw")
                tokens[t + 1].Text = tokens[t + 1].Text.TrimStart();
        }
        return tokens;
    }

    private static int FindOpen(string src, int from)
    {
        while (true)
        {
            var i = src.IndexOf('{', from);
            if (i < 0 || i + 1 >= src.Length) return -1;
            if (src[i + 1] == '{' || src[i + 1] == '%') return i;
            from = i + 1;
        }
    }

    // The end of {{ ... }}: skips Braze's ${...} so that {{${first_name}}} closes after the attribute.
    private static int FindOutputEnd(string src, int from)
    {
        var i = from;
        while (i < src.Length - 1)
        {
            var c = src[i];
            if (c == '$' && src[i + 1] == '{')
            {
                var close = src.IndexOf('}', i + 2);
                if (close > 0 && src.AsSpan(i + 2, close - i - 2).IndexOfAny("'\"{|\n") < 0)
                {
                    i = close + 1;
                    continue;
                }
            }
            if (c == '}' && src[i + 1] == '}') return i;
            i++;
        }
        return -1;
    }
}
