using System.Text;
using System.Text.Json;

namespace BrazeLite.Liquid.Runtime;

internal sealed class IncludeNode : Node
{
    public required Expr Name;
    public Expr? With;
    public string? Alias;
    public (string Name, Expr Value)[] Attributes = [];

    public override void Render(RenderState st, StringBuilder sb)
    {
        if (st.Isolated) throw st.Error("include usage is not allowed in this context");
        var nameValue = Name.Eval(st);
        if (nameValue is not string name)
            throw st.Error($"Illegal template name '{LiquidValues.ToOutputString(nameValue)}'");
        Nodes.CheckDepth(st);
        var template = Nodes.LoadPartial(st, name);
        var alias = Alias ?? name.Split('/')[^1];
        object? variable;
        if (With is not null) variable = With.Eval(st);
        else st.TryResolve(name, out variable);

        var oldSource = st.Source;
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
        st.Push(scope);
        foreach (var (k, e) in Attributes) scope[k] = e.Eval(st);
        st.Depth++;
        st.Source = name;
        try
        {
            if (variable is IList<object?> list)
            {
                foreach (var item in list)
                {
                    st.Step();
                    scope[alias] = item;
                    Nodes.RenderBody(template.Root, st, sb);
                }
            }
            else
            {
                scope[alias] = variable;
                Nodes.RenderBody(template.Root, st, sb);
            }
        }
        finally
        {
            st.Source = oldSource;
            st.Depth--;
            st.Pop();
        }
    }
}

internal sealed class RenderNode : Node
{
    public required string Name;
    public Expr? With;
    public bool For;
    public string? Alias;
    public (string Name, Expr Value)[] Attributes = [];

    public override void Render(RenderState st, StringBuilder sb)
    {
        Nodes.CheckDepth(st);
        var template = Nodes.LoadPartial(st, Name);
        var alias = Alias ?? Name.Split('/')[^1];
        var variable = With?.Eval(st);
        var attrs = new List<(string, object?)>(Attributes.Length);
        foreach (var (k, e) in Attributes) attrs.Add((k, e.Eval(st)));

        if (For && variable is IList<object?> or LiquidRange or IDictionary<string, object?>)
        {
            var segment = LoopSegment.Slice(variable, 0, null);
            var loop = new ForloopDrop(segment.Count, null);
            for (long i = 0; i < segment.Count; i++)
            {
                st.Step();
                RenderOne(st, sb, template, alias, segment[i], attrs, loop);
                loop.Index0++;
            }
        }
        else RenderOne(st, sb, template, alias, variable, attrs, null);
    }

    private void RenderOne(RenderState st, StringBuilder sb, LiquidTemplate template, string alias, object? value, List<(string, object?)> attrs, ForloopDrop? loop)
    {
        var inner = new RenderState(st.Shared, st.Shared.Context.Variables)
        {
            Isolated = true,
            Depth = st.Depth + 1,
            Source = Name,
        };
        foreach (var (k, v) in attrs) inner.SetLocal(k, v);
        if (value is not null) inner.SetLocal(alias, value);
        if (loop is not null) inner.SetLocal("forloop", loop);
        Nodes.RenderBody(template.Root, inner, sb);
        st.At(Line, Column);
    }
}
