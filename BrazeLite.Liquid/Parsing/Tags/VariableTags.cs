using System.Text.RegularExpressions;
using BrazeLite.Liquid.Runtime;

namespace BrazeLite.Liquid.Parsing;

// The parsers of the variable tags; TagRegistry maps the tag names to them.
internal sealed partial class TemplateParser
{
    [GeneratedRegex(@"^\s*([\w\-\.\[\]]+|\$\{[^}]*\})\s*=(?!=)", RegexOptions.CultureInvariant)]
    internal static partial Regex AssignSyntax();

    internal Node ParseAssign(TemplateToken t)
    {
        var m = AssignSyntax().Match(t.Markup);
        if (!m.Success)
            throw new LiquidSyntaxException("Syntax Error in 'assign' - Valid syntax: assign [var] = [source]", t.MarkupStart);
        var name = m.Groups[1].Value;
        if (name.StartsWith("${", StringComparison.Ordinal)) name = name[2..^1].Trim();
        var rest = t.Markup[m.Length..];
        var offset = t.MarkupStart + m.Length;
        if (string.IsNullOrWhiteSpace(rest))
        {
            if (_lax) return At(new AssignNode(name, new LiteralExpr(null)), t.Start);
            throw new LiquidSyntaxException("Syntax Error in 'assign' - Valid syntax: assign [var] = [source]", offset);
        }
        var value = Parse(rest, offset, p => p.ParseFilterExpression());
        Alias(name, value);
        return At(new AssignNode(name, value), t.Start);
    }

    internal Node ParseCapture(TemplateToken t)
    {
        var name = t.Markup.Trim().Trim('\'', '"');
        if (name.Length == 0 && !_lax)
            throw new LiquidSyntaxException("Syntax Error in 'capture' - Valid syntax: capture [var]", t.MarkupStart);
        var body = ParseBlockBody(t, ["endcapture"], out _);
        _aliases.Add((name, null));
        return At(new CaptureNode(name, body), t.Start);
    }

    internal string VariableName(TemplateToken t)
    {
        var name = t.Markup.Trim();
        if (name.StartsWith("${", StringComparison.Ordinal) && name.EndsWith('}')) name = name[2..^1].Trim();
        if (name.Length == 0 && !_lax)
            throw new LiquidSyntaxException($"Syntax Error in '{t.Name}' - Valid syntax: {t.Name} [var]", t.MarkupStart);
        return name;
    }

    internal Node? ParseEcho(TemplateToken t)
    {
        if (string.IsNullOrWhiteSpace(t.Markup)) return null;
        var e = Parse(t.Markup, t.MarkupStart, p => p.ParseFilterExpression());
        return At(new OutputNode(e), t.Start);
    }

    /// <summary>
    /// <c>increment</c> and <c>decrement</c> take their markup, stripped, as the counter's name, in every mode as Ruby
    /// does: <c>{% increment %}</c> counts a counter named "" (a bare <c>increment</c> line in <c>{% liquid %}</c> too).
    /// </summary>
    internal Node ParseCounter(TemplateToken t, bool increment)
    {
        var name = t.Markup.Trim();
        if (name.StartsWith("${", StringComparison.Ordinal) && name.EndsWith('}')) name = name[2..^1].Trim();
        return At(new CounterNode(name, increment), t.Start);
    }
}
