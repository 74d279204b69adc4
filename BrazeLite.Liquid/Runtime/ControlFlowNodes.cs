using System.Text;
using System.Text.Json;

namespace BrazeLite.Liquid.Runtime;

internal sealed class BlockNode(Node[] body) : Node
{
    public override bool Blank => Nodes.IsBlank(body);

    public override void Render(RenderState st, StringBuilder sb) => Nodes.RenderBody(body, st, sb);
}

internal sealed class IfNode(List<(Expr? Condition, Node[] Body)> branches, bool unless) : Node
{
    public List<(Expr? Condition, Node[] Body)> Branches { get; } = branches;
    public override bool Blank => Branches.All(b => Nodes.IsBlank(b.Body));

    public override void Render(RenderState st, StringBuilder sb)
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
            Nodes.RenderBody(body, st, sb);
            return;
        }
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
            if (values is null)
            {
                if (runElse) Nodes.RenderBody(body, st, sb);
            }
            else
            {
                var match = false;
                foreach (var v in values)
                {
                    if (LiquidValues.Equal(v.Eval(st), value)) { match = true; break; }
                }
                if (!match) continue;
                runElse = false;
                Nodes.RenderBody(body, st, sb);
            }
            if (st.Interrupt != Interrupt.None) return;
        }
    }
}
