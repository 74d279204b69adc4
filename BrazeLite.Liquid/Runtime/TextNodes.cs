using System.Text;
using System.Text.Json;

namespace BrazeLite.Liquid.Runtime;

internal sealed class TextNode(string text) : Node
{
    public string Text { get; } = text;
    public override bool Blank => string.IsNullOrWhiteSpace(Text);

    public override void Render(RenderState st, StringBuilder sb) => st.Write(sb, Text);
}

internal sealed class OutputNode(Expr expr) : Node
{
    public override void Render(RenderState st, StringBuilder sb)
    {
        var v = expr.Eval(st);
        switch (v)
        {
            case null: return;
            case string s: st.Write(sb, s); return;
            default: st.Write(sb, LiquidValues.ToOutputString(v)); return;
        }
    }
}

/// <summary><c>{% raw %}</c>'s text: not a string of the body to Ruby, so blank only when empty, and never dropped.</summary>
internal sealed class RawNode(string text) : Node
{
    public override bool Blank => text.Length == 0;

    public override void Render(RenderState st, StringBuilder sb) => st.Write(sb, text);
}

/// <summary><c>{% doc %}</c>: renders nothing; blank only when its body is empty.</summary>
internal sealed class DocNode(bool empty) : Node
{
    public override bool Blank => empty;

    public override void Render(RenderState st, StringBuilder sb) { }
}

internal sealed class CommentNode : Node
{
    public override bool Blank => true;

    public override void Render(RenderState st, StringBuilder sb) { }
}
