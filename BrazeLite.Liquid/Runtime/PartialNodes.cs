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
        var (template, alias, variable) = Resolve(st);
        var (oldSource, scope) = Enter(st, template);
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
            Leave(st, oldSource);
        }
    }

    // The partial is only known at render time, so it may hold connected_content.
    protected override bool MayAwait() => true;

    public override async ValueTask RenderAsync(RenderState st, StringBuilder sb)
    {
        var (template, alias, variable) = Resolve(st);
        if (!template.MayAwait && !st.Shared.EveryNodeAsync)
        {
            Render(st, sb);
            return;
        }
        var (oldSource, scope) = Enter(st, template);
        try
        {
            if (variable is IList<object?> list)
            {
                foreach (var item in list)
                {
                    st.Step();
                    scope[alias] = item;
                    await Nodes.RenderBodyAsync(template.Root, st, sb);
                }
            }
            else
            {
                scope[alias] = variable;
                await Nodes.RenderBodyAsync(template.Root, st, sb);
            }
        }
        finally
        {
            Leave(st, oldSource);
        }
    }

    private (LiquidTemplate Template, string Alias, object? Variable) Resolve(RenderState st)
    {
        if (st.Isolated) throw st.Error("include usage is not allowed in this context");
        var nameValue = Name.Eval(st);
        if (nameValue is not string name)
            throw st.Error($"Illegal template name '{LiquidValues.ToOutputString(nameValue)}'", "Argument error in tag 'include' - Illegal template name");
        Nodes.CheckDepth(st);
        var template = Nodes.LoadPartial(st, name);
        object? variable;
        if (With is not null) variable = With.Eval(st);
        else st.TryResolve(name, out variable);
        return (template, Alias ?? name.Split('/')[^1], variable);
    }

    private (string? OldSource, Dictionary<string, object?> Scope) Enter(RenderState st, LiquidTemplate template)
    {
        var oldSource = st.Source;
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
        st.Push(scope);
        foreach (var (k, e) in Attributes) scope[k] = e.Eval(st);
        st.Depth++;
        st.Source = template.Name;
        return (oldSource, scope);
    }

    private static void Leave(RenderState st, string? oldSource)
    {
        st.Source = oldSource;
        st.Depth--;
        st.Pop();
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
        var (template, alias, variable, attrs) = Resolve(st);
        if (For && variable is IList<object?> or LiquidRange or IDictionary<string, object?>)
        {
            var segment = LoopSegment.Slice(variable, 0, null);
            var loop = new ForloopDrop(segment.Count, null, template.Name);
            for (long i = 0; i < segment.Count; i++)
            {
                st.Step();
                Nodes.RenderBody(template.Root, Isolated(st, alias, segment[i], attrs, loop), sb);
                st.At(Line, Column);
                loop.Index0++;
            }
        }
        else
        {
            Nodes.RenderBody(template.Root, Isolated(st, alias, variable, attrs, null), sb);
            st.At(Line, Column);
        }
    }

    // The partial is only known at render time, so it may hold connected_content.
    protected override bool MayAwait() => true;

    public override async ValueTask RenderAsync(RenderState st, StringBuilder sb)
    {
        var (template, alias, variable, attrs) = Resolve(st);
        if (For && variable is IList<object?> or LiquidRange or IDictionary<string, object?>)
        {
            var segment = LoopSegment.Slice(variable, 0, null);
            var loop = new ForloopDrop(segment.Count, null, template.Name);
            for (long i = 0; i < segment.Count; i++)
            {
                st.Step();
                await Nodes.RenderBodyAsync(template.Root, Isolated(st, alias, segment[i], attrs, loop), sb);
                st.At(Line, Column);
                loop.Index0++;
            }
        }
        else
        {
            await Nodes.RenderBodyAsync(template.Root, Isolated(st, alias, variable, attrs, null), sb);
            st.At(Line, Column);
        }
    }

    private (LiquidTemplate Template, string Alias, object? Variable, List<(string, object?)> Attributes) Resolve(RenderState st)
    {
        Nodes.CheckDepth(st);
        var template = Nodes.LoadPartial(st, Name);
        var variable = With?.Eval(st);
        var attrs = new List<(string, object?)>(Attributes.Length);
        foreach (var (k, e) in Attributes) attrs.Add((k, e.Eval(st)));
        return (template, Alias ?? Name.Split('/')[^1], variable, attrs);
    }

    // A render partial sees only the template's variables, its arguments and its alias, not the caller's scope.
    private RenderState Isolated(RenderState st, string alias, object? value, List<(string, object?)> attrs, ForloopDrop? loop)
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
        return inner;
    }
}
