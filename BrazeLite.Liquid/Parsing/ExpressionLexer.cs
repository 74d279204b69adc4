namespace BrazeLite.Liquid.Parsing;

internal enum ExprKind
{
    Id, String, Int, Float, Dot, DotDot, Comma, Colon, Pipe, LBracket, RBracket, LParen, RParen,
    Compare, Assign, BrazeAttr, Junk, End,
}

internal readonly record struct ExprToken(ExprKind Kind, string Text, int Offset);

/// <summary>Splits tag and output markup into tokens; offsets are absolute positions in the template.</summary>
internal static class ExpressionLexer
{
    // `into`: a list to reuse (it is cleared first); a new one when null.
    public static List<ExprToken> Tokenize(string markup, int baseOffset, List<ExprToken>? into = null)
    {
        // Markup averages about six characters a token; sizing up front saves most of the list's regrowth.
        var list = into ?? new List<ExprToken>(markup.Length / 6 + 3);
        list.Clear();
        var i = 0;
        var n = markup.Length;
        while (i < n)
        {
            var c = markup[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            switch (c)
            {
                case '\'' or '"':
                    {
                        var close = markup.IndexOf(c, i + 1);
                        if (close < 0)
                        {
                            list.Add(new(ExprKind.Junk, markup[i..], baseOffset + start));
                            i = n;
                            break;
                        }
                        list.Add(new(ExprKind.String, markup[(i + 1)..close], baseOffset + start));
                        i = close + 1;
                        break;
                    }
                case '$' when i + 1 < n && markup[i + 1] == '{':
                    {
                        var close = markup.IndexOf('}', i + 2);
                        if (close < 0)
                        {
                            list.Add(new(ExprKind.Junk, "${", baseOffset + start));
                            i += 2;
                            break;
                        }
                        list.Add(new(ExprKind.BrazeAttr, markup[(i + 2)..close].Trim(), baseOffset + start));
                        i = close + 1;
                        break;
                    }
                case '.':
                    if (i + 1 < n && markup[i + 1] == '.') { list.Add(new(ExprKind.DotDot, "..", baseOffset + start)); i += 2; }
                    else { list.Add(new(ExprKind.Dot, ".", baseOffset + start)); i++; }
                    break;
                case ',': list.Add(new(ExprKind.Comma, ",", baseOffset + start)); i++; break;
                case ':': list.Add(new(ExprKind.Colon, ":", baseOffset + start)); i++; break;
                case '|': list.Add(new(ExprKind.Pipe, "|", baseOffset + start)); i++; break;
                case '[': list.Add(new(ExprKind.LBracket, "[", baseOffset + start)); i++; break;
                case ']': list.Add(new(ExprKind.RBracket, "]", baseOffset + start)); i++; break;
                case '(': list.Add(new(ExprKind.LParen, "(", baseOffset + start)); i++; break;
                case ')': list.Add(new(ExprKind.RParen, ")", baseOffset + start)); i++; break;
                case '=' or '!' or '<' or '>':
                    {
                        if (i + 1 < n && (markup[i + 1] == '=' || (c == '<' && markup[i + 1] == '>')))
                        {
                            list.Add(new(ExprKind.Compare, markup.Substring(i, 2), baseOffset + start));
                            i += 2;
                        }
                        else if (c == '=') { list.Add(new(ExprKind.Assign, "=", baseOffset + start)); i++; }
                        else if (c == '!') { list.Add(new(ExprKind.Junk, "!", baseOffset + start)); i++; }
                        else { list.Add(new(ExprKind.Compare, c.ToString(), baseOffset + start)); i++; }
                        break;
                    }
                default:
                    if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < n && char.IsAsciiDigit(markup[i + 1])))
                    {
                        i++;
                        while (i < n && char.IsAsciiDigit(markup[i])) i++;
                        if (i + 1 < n && markup[i] == '.' && char.IsAsciiDigit(markup[i + 1]))
                        {
                            i++;
                            while (i < n && char.IsAsciiDigit(markup[i])) i++;
                            list.Add(new(ExprKind.Float, markup[start..i], baseOffset + start));
                        }
                        else list.Add(new(ExprKind.Int, markup[start..i], baseOffset + start));
                    }
                    else if (char.IsLetter(c) || c == '_')
                    {
                        i++;
                        while (i < n && (char.IsLetterOrDigit(markup[i]) || markup[i] == '_' || markup[i] == '-')) i++;
                        if (i < n && markup[i] == '?') i++;
                        list.Add(new(ExprKind.Id, markup[start..i], baseOffset + start));
                    }
                    else
                    {
                        list.Add(new(ExprKind.Junk, c.ToString(), baseOffset + start));
                        i++;
                    }
                    break;
            }
        }
        list.Add(new(ExprKind.End, "", baseOffset + n));
        return list;
    }
}
