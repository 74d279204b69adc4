using System.Text;
using System.Text.Json;

namespace BrazeLite.Liquid.Runtime;

internal abstract class Node
{
    public int Line;
    public int Column;

    /// <summary>Renders nothing visible (assign, comment, whitespace...): lets block tags drop whitespace-only text.</summary>
    public virtual bool Blank => false;

    public abstract void Render(RenderState st, StringBuilder sb);
}

internal static class Nodes
{
    public static void RenderBody(Node[] body, RenderState st, StringBuilder sb)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var node in body)
        {
            st.At(node.Line, node.Column);
            st.Step();
            try
            {
                node.Render(st, sb);
            }
            catch (LiquidRenderException e) when (!e.Fatal && st.Options.InlineErrors)
            {
                var d = e.ToDiagnostic();
                st.Shared.Errors.Add(d);
                st.Write(sb, d.Message);
            }
            if (st.Interrupt != Interrupt.None) return;
        }
    }

    public static bool IsBlank(Node[] body) => body.All(n => n.Blank);

    public static Node[] RemoveBlankStrings(Node[] body) => body.Where(n => n is not TextNode).ToArray();

    public static LiquidTemplate LoadPartial(RenderState st, string name)
    {
        if (st.Shared.PartialCache.TryGetValue(name, out var cached)) return cached;
        if (!st.Shared.Context.Partials.TryGetPartial(name, out var source))
            throw st.Error($"Could not find partial '{name}'");
        var result = LiquidTemplate.Parse(source, st.Options.PartialParseOptions with { Name = name });
        if (result.Template is null)
            throw st.Error($"syntax error in partial '{name}': {result.Errors[0].Message.Replace("Liquid syntax error: ", "", StringComparison.Ordinal)}");
        foreach (var w in result.Warnings) st.Shared.Warnings.Add(w);
        st.Shared.PartialCache[name] = result.Template;
        return result.Template;
    }

    public static void CheckDepth(RenderState st)
    {
        if (st.Depth + 1 > st.Options.MaxPartialDepth)
            throw st.Error($"Nesting too deep: more than {st.Options.MaxPartialDepth} nested include/render (MaxPartialDepth)");
    }

    /// <summary><c>{{content_blocks.${name}}}</c>: the partial rendered in the current scope, as Braze inserts a content block.</summary>
    public static string RenderContentBlock(RenderState st, string name, int line, int column)
    {
        CheckDepth(st);
        var template = LoadPartial(st, name);
        var sb = new StringBuilder();
        var oldSource = st.Source;
        st.Source = name;
        st.Depth++;
        try
        {
            RenderBody(template.Root, st, sb);
        }
        finally
        {
            st.Depth--;
            st.Source = oldSource;
            st.At(line, column);
        }
        return sb.ToString();
    }

    public static long ToInt(RenderState st, object? v, int line, int column)
    {
        try
        {
            return LiquidValues.ToInteger(v);
        }
        catch (LiquidFilterException e)
        {
            throw new LiquidRenderException(e.Message, line, column, st.Source);
        }
    }
}

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

internal sealed class BlockNode(Node[] body) : Node
{
    public override bool Blank => Nodes.IsBlank(body);

    public override void Render(RenderState st, StringBuilder sb) => Nodes.RenderBody(body, st, sb);
}

internal sealed class CommentNode : Node
{
    public override bool Blank => true;

    public override void Render(RenderState st, StringBuilder sb) { }
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

internal sealed class ForNode : Node
{
    public required string Variable;
    public required Expr Collection;
    public required string OffsetKey;
    public Expr? Limit;
    public Expr? Offset;
    public bool OffsetContinue;
    public bool Reversed;
    public Node[] Body = [];
    public Node[]? ElseBody;

    public override bool Blank => Nodes.IsBlank(Body) && (ElseBody is null || Nodes.IsBlank(ElseBody));

    public override void Render(RenderState st, StringBuilder sb)
    {
        var collection = Collection.Eval(st);
        long from;
        if (OffsetContinue) from = st.ForOffsets.GetValueOrDefault(OffsetKey);
        else
        {
            var o = Offset?.Eval(st);
            from = o is null ? 0 : Nodes.ToInt(st, o, Line, Column);
        }
        long? to = null;
        if (Limit is not null)
        {
            var l = Limit.Eval(st);
            if (l is not null) to = Nodes.ToInt(st, l, Line, Column) + from;
        }
        var segment = LoopSegment.Slice(collection, from, to);
        segment.Reversed = Reversed;
        st.ForOffsets[OffsetKey] = from + segment.Count;
        if (segment.Count == 0)
        {
            if (ElseBody is not null) Nodes.RenderBody(ElseBody, st, sb);
            return;
        }

        var parent = st.ForStack.Count > 0 ? st.ForStack[^1] : null;
        var loop = new ForloopDrop(segment.Count, parent);
        st.ForStack.Add(loop);
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal) { ["forloop"] = loop };
        st.Push(scope);
        try
        {
            for (long i = 0; i < segment.Count; i++)
            {
                st.Step();
                scope[Variable] = segment[i];
                Nodes.RenderBody(Body, st, sb);
                loop.Index0++;
                if (st.Interrupt == Interrupt.Break)
                {
                    st.Interrupt = Interrupt.None;
                    break;
                }
                st.Interrupt = Interrupt.None;
            }
        }
        finally
        {
            st.Pop();
            st.ForStack.RemoveAt(st.ForStack.Count - 1);
        }
    }
}

internal sealed class TablerowNode : Node
{
    public required string Variable;
    public required Expr Collection;
    public Expr? Limit;
    public Expr? Offset;
    public Expr? Cols;
    public Node[] Body = [];

    public override void Render(RenderState st, StringBuilder sb)
    {
        var collection = Collection.Eval(st);
        if (collection is null) return;
        var from = Offset is null ? 0 : Nodes.ToInt(st, Offset.Eval(st), Line, Column);
        long? to = Limit is null ? null : from + Nodes.ToInt(st, Limit.Eval(st), Line, Column);
        var segment = LoopSegment.Slice(collection, from, to);
        long? cols = null;
        if (Cols is not null)
        {
            var c = Cols.Eval(st);
            if (c is not null) cols = Nodes.ToInt(st, c, Line, Column);
        }
        st.Write(sb, "<tr class=\"row1\">\n");
        var loop = new TablerowloopDrop(segment.Count, cols);
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal) { ["tablerowloop"] = loop };
        st.Push(scope);
        try
        {
            for (long i = 0; i < segment.Count; i++)
            {
                st.Step();
                scope[Variable] = segment[i];
                st.Write(sb, $"<td class=\"col{loop.Col}\">");
                Nodes.RenderBody(Body, st, sb);
                st.Write(sb, "</td>");
                if (st.Interrupt != Interrupt.None)
                {
                    var brk = st.Interrupt == Interrupt.Break;
                    st.Interrupt = Interrupt.None;
                    if (brk) break;
                }
                if (loop.ColLast && i != segment.Count - 1)
                    st.Write(sb, $"</tr>\n<tr class=\"row{loop.Row + 1}\">");
                loop.Increment();
            }
        }
        finally
        {
            st.Pop();
        }
        st.Write(sb, "</tr>\n");
    }
}

internal sealed class InterruptNode(Interrupt kind) : Node
{
    public override void Render(RenderState st, StringBuilder sb) => st.Interrupt = kind;
}

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

internal sealed class CycleNode(Expr? group, string key, Expr[] values) : Node
{
    public override void Render(RenderState st, StringBuilder sb)
    {
        var k = group is null ? key : "named:" + LiquidValues.ToOutputString(group.Eval(st));
        var iteration = st.Cycles.GetValueOrDefault(k);
        if (iteration >= values.Length) iteration = 0;
        st.Write(sb, LiquidValues.ToOutputString(values[iteration].Eval(st)));
        iteration++;
        if (iteration >= values.Length) iteration = 0;
        st.Cycles[k] = iteration;
    }
}

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

internal sealed class AbortNode(Expr? reason) : Node
{
    public override void Render(RenderState st, StringBuilder sb)
    {
        var r = reason?.Eval(st);
        throw new LiquidAbortException(r is null ? null : LiquidValues.ToOutputString(r));
    }
}

internal sealed class ConnectedContentNode(Node[] url, string? saveAs) : Node
{
    public override void Render(RenderState st, StringBuilder sb)
    {
        var urlText = new StringBuilder();
        Nodes.RenderBody(url, st, urlText);
        st.At(Line, Column);
        var u = urlText.ToString().Trim();
        var samples = st.Shared.Context.ConnectedContentSamples;
        if (!samples.TryGetValue(u, out var response))
        {
            var q = u.IndexOf('?', StringComparison.Ordinal);
            if (q < 0 || !samples.TryGetValue(u[..q], out response)) response = null;
        }
        if (response is null)
        {
            st.AddWarning($"connected_content is not called in a preview and no sample response is set for {u}", Line, Column, "cc:" + u);
            if (saveAs is not null) st.SetGlobal(saveAs, null);
            return;
        }
        st.AddWarning($"connected_content is not called in a preview; the sample response for {u} is used", Line, Column, "cc:" + u);
        if (saveAs is null)
        {
            st.Write(sb, response);
            return;
        }
        object? value = response;
        try
        {
            using var doc = JsonDocument.Parse(response);
            value = LiquidValues.FromClr(doc.RootElement);
        }
        catch (JsonException)
        {
            // Not JSON: Braze saves the body as text.
        }
        st.SetGlobal(saveAs, value);
    }
}
