using System.Text.RegularExpressions;

namespace BrazeLite.Liquid.Parsing;

internal enum TokenKind { Text, Output, Tag }

/// <summary>One piece of a template: text, <c>{{ output }}</c> or <c>{% tag %}</c>.</summary>
internal sealed class TemplateToken
{
    public TokenKind Kind;
    public string Text = "";       // text tokens
    public int Start;              // offset of the token (of "{{" / "{%") in the source
    public string Name = "";       // tag name
    public string Markup = "";     // markup after the tag name (tags) or inside {{ }} (outputs)
    public int MarkupStart;        // offset of Markup in the source
    public bool TrimLeft;
    public bool TrimRight;
}

/// <summary>Maps source offsets to 1-based line and column.</summary>
internal sealed class LineMap
{
    private readonly int[] _starts;

    public LineMap(string source)
    {
        _starts = new int[source.AsSpan().Count('\n') + 1];
        var line = 1;
        for (var i = source.IndexOf('\n'); i >= 0; i = source.IndexOf('\n', i + 1))
            _starts[line++] = i + 1;
    }

    public (int Line, int Column) Locate(int offset)
    {
        var idx = Array.BinarySearch(_starts, offset);
        if (idx < 0) idx = ~idx - 1;
        return (idx + 1, offset - _starts[idx] + 1);
    }
}

internal sealed class LiquidSyntaxException(string message, int offset) : Exception(message)
{
    public int Offset { get; } = offset;
}

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
                var trimR = close - 1 >= open + 2 + (trimL ? 1 : 0) && src[close - 1] == '-';
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
                    var body = src[pos..m.Index];
                    if (m.Value.StartsWith("{%-", StringComparison.Ordinal)) body = body.TrimEnd();
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
