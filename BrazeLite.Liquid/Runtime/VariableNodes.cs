using System.Text;
using System.Text.Json;

namespace BrazeLite.Liquid.Runtime;

internal sealed class AssignNode(string name, Expr value) : Node
{
    public override bool Blank => true;

    public override void Render(RenderState st, StringBuilder sb) => st.SetGlobal(name, value.Eval(st));
}

internal sealed class CaptureNode(string name, Node[] body) : Node
{
    public override bool Blank => true;

    public override void Render(RenderState st, StringBuilder sb)
    {
        var inner = new StringBuilder();
        Nodes.RenderBody(body, st, inner);
        st.SetGlobal(name, inner.ToString());
    }

    protected override bool MayAwait() => Nodes.AnyAsync(body);

    public override async ValueTask RenderAsync(RenderState st, StringBuilder sb)
    {
        var inner = new StringBuilder();
        await Nodes.RenderBodyAsync(body, st, inner);
        st.SetGlobal(name, inner.ToString());
    }
}

internal sealed class CounterNode(string name, bool increment) : Node
{
    public override void Render(RenderState st, StringBuilder sb)
    {
        object? current = null;
        if (!st.Counters.TryGetValue(name, out current)) st.Environment.TryGetValue(name, out current);
        var n = current is null ? 0L : LiquidValues.ToNumber(current);
        object value;
        if (increment)
        {
            st.Write(sb, LiquidValues.ToOutputString(n));
            value = n is double d ? d + 1 : (object)((long)n + 1);
        }
        else
        {
            value = n is double d ? d - 1 : (object)((long)n - 1);
            st.Write(sb, LiquidValues.ToOutputString(value));
        }
        st.Counters[name] = value;
    }
}
