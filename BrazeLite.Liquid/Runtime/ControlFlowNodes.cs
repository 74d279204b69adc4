using System.Text;
using System.Text.Json;

namespace BrazeLite.Liquid.Runtime;

internal sealed class BlockNode(Node[] body) : Node
{
    public override bool Blank => Nodes.IsBlank(body);

    public override void Render(RenderState st, StringBuilder sb) => Nodes.RenderBody(body, st, sb);

    protected override bool MayAwait() => Nodes.AnyAsync(body);

    public override ValueTask RenderAsync(RenderState st, StringBuilder sb) => Nodes.RenderBodyAsync(body, st, sb);
}

internal sealed class IfNode(List<(Expr? Condition, Node[] Body)> branches, bool unless) : Node
{
    public List<(Expr? Condition, Node[] Body)> Branches { get; } = branches;
    public override bool Blank => Branches.All(b => Nodes.IsBlank(b.Body));

    public override void Render(RenderState st, StringBuilder sb)
    {
        if (Taken(st) is { } body) Nodes.RenderBody(body, st, sb);
    }

    protected override bool MayAwait() => Branches.Any(b => Nodes.AnyAsync(b.Body));

    public override ValueTask RenderAsync(RenderState st, StringBuilder sb) =>
        Taken(st) is { } body ? Nodes.RenderBodyAsync(body, st, sb) : ValueTask.CompletedTask;

    // The body of the first branch whose condition holds, or null.
    private Node[]? Taken(RenderState st)
    {
        for (var i = 0; i < Branches.Count; i++)
        {
            var (cond, body) = Branches[i];
            if (cond is not null)
            {
                var truthy = LiquidValues.IsTruthy(cond.Eval(st));
                if (unless && i == 0) truthy = !truthy;
                if (!truthy) continue;
            }
            return body;
        }
        return null;
    }
}

/// <summary><c>ifchanged</c>: renders its body aside and writes it when it differs from what the last one wrote.</summary>
internal sealed class IfChangedNode(Node[] body) : Node
{
    public override bool Blank => Nodes.IsBlank(body);

    public override void Render(RenderState st, StringBuilder sb)
    {
        var own = new StringBuilder();
        Nodes.RenderBody(body, st, own);
        Emit(st, sb, own);
    }

    protected override bool MayAwait() => Nodes.AnyAsync(body);

    public override async ValueTask RenderAsync(RenderState st, StringBuilder sb)
    {
        var own = new StringBuilder();
        await Nodes.RenderBodyAsync(body, st, own);
        Emit(st, sb, own);
    }

    private static void Emit(RenderState st, StringBuilder sb, StringBuilder own)
    {
        var text = own.ToString();
        if (text == st.Shared.LastIfChanged) return;
        st.Shared.LastIfChanged = text;
        st.Write(sb, text);
    }
}

internal sealed class CaseNode(Expr subject, List<(Expr[]? Values, Node[] Body)> blocks) : Node
{
    public List<(Expr[]? Values, Node[] Body)> Blocks { get; } = blocks;
    public override bool Blank => Blocks.All(b => Nodes.IsBlank(b.Body));

    public override void Render(RenderState st, StringBuilder sb)
    {
        var value = subject.Eval(st);
        var runElse = true;
        foreach (var (values, body) in Blocks)
        {
            for (var n = Runs(st, values, value, ref runElse); n > 0; n--)
            {
                Nodes.RenderBody(body, st, sb);
                if (st.Interrupt != Interrupt.None) return;
            }
        }
    }

    protected override bool MayAwait() => Blocks.Any(b => Nodes.AnyAsync(b.Body));

    public override async ValueTask RenderAsync(RenderState st, StringBuilder sb)
    {
        var value = subject.Eval(st);
        var runElse = true;
        foreach (var (values, body) in Blocks)
        {
            for (var n = Runs(st, values, value, ref runElse); n > 0; n--)
            {
                await Nodes.RenderBodyAsync(body, st, sb);
                if (st.Interrupt != Interrupt.None) return;
            }
        }
    }

    // How many times a block's body renders: an else block once while no when matched before it; a when block once for
    // each of its values that equals the subject (Ruby makes each value its own condition sharing the body, so
    // {% when 1, 1 %} renders it twice).
    private static int Runs(RenderState st, Expr[]? values, object? subject, ref bool runElse)
    {
        if (values is null) return runElse ? 1 : 0;
        var matches = 0;
        foreach (var v in values)
        {
            if (LiquidValues.Equal(v.Eval(st), subject)) matches++;
        }
        if (matches > 0) runElse = false;
        return matches;
    }
}
