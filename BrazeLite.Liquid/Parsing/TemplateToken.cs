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
