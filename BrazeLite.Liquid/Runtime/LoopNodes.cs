using System.Text;
using System.Text.Json;

namespace BrazeLite.Liquid.Runtime;

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
        var segment = Slice(st);
        if (segment.Count == 0)
        {
            if (ElseBody is not null) Nodes.RenderBody(ElseBody, st, sb);
            return;
        }
        var (loop, scope) = Enter(st, segment, OffsetKey);
        try
        {
            for (long i = 0; i < segment.Count; i++)
            {
                st.Step();
                scope[Variable] = segment[i];
                Nodes.RenderBody(Body, st, sb);
                if (Next(st, loop)) break;
            }
        }
        finally
        {
            Leave(st);
        }
    }

    protected override bool MayAwait() => Nodes.AnyAsync(Body) || (ElseBody is not null && Nodes.AnyAsync(ElseBody));

    public override async ValueTask RenderAsync(RenderState st, StringBuilder sb)
    {
        var segment = Slice(st);
        if (segment.Count == 0)
        {
            if (ElseBody is not null) await Nodes.RenderBodyAsync(ElseBody, st, sb);
            return;
        }
        var (loop, scope) = Enter(st, segment, OffsetKey);
        try
        {
            for (long i = 0; i < segment.Count; i++)
            {
                st.Step();
                scope[Variable] = segment[i];
                await Nodes.RenderBodyAsync(Body, st, sb);
                if (Next(st, loop)) break;
            }
        }
        finally
        {
            Leave(st);
        }
    }

    // The elements this loop visits (limit, offset, offset: continue, reversed); remembers where it stopped.
    private LoopSegment Slice(RenderState st)
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
        return segment;
    }

    private static (ForloopDrop Loop, Dictionary<string, object?> Scope) Enter(RenderState st, LoopSegment segment, string name)
    {
        var parent = st.ForStack.Count > 0 ? st.ForStack[^1] : null;
        var loop = new ForloopDrop(segment.Count, parent, name);
        st.ForStack.Add(loop);
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal) { ["forloop"] = loop };
        st.Push(scope);
        return (loop, scope);
    }

    // After one iteration: true when a break ends the loop.
    private static bool Next(RenderState st, ForloopDrop loop)
    {
        loop.Index0++;
        var stop = st.Interrupt == Interrupt.Break;
        st.Interrupt = Interrupt.None;
        return stop;
    }

    private static void Leave(RenderState st)
    {
        st.Pop();
        st.ForStack.RemoveAt(st.ForStack.Count - 1);
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
        if (Begin(st, sb) is not var (segment, loop, scope)) return;
        try
        {
            for (long i = 0; i < segment.Count; i++)
            {
                StartCell(st, sb, scope, loop, segment[i]);
                Nodes.RenderBody(Body, st, sb);
                if (EndCell(st, sb, loop, i, segment.Count)) break;
            }
        }
        finally
        {
            st.Pop();
        }
        st.Write(sb, "</tr>\n");
    }

    protected override bool MayAwait() => Nodes.AnyAsync(Body);

    public override async ValueTask RenderAsync(RenderState st, StringBuilder sb)
    {
        if (Begin(st, sb) is not var (segment, loop, scope)) return;
        try
        {
            for (long i = 0; i < segment.Count; i++)
            {
                StartCell(st, sb, scope, loop, segment[i]);
                await Nodes.RenderBodyAsync(Body, st, sb);
                if (EndCell(st, sb, loop, i, segment.Count)) break;
            }
        }
        finally
        {
            st.Pop();
        }
        st.Write(sb, "</tr>\n");
    }

    // tablerow's cols, limit and offset take Ruby's to_i, unlike for's: "3a" is 3, "a" and nil are 0, 2.7 is 2 (cols 0
    // never wraps a row); a value without to_i (true, an array, a hash) is "invalid integer".
    private long ToI(RenderState st, object? v) => v switch
    {
        null => 0,
        long l => l,
        int i => i,
        double d when double.IsFinite(d) => (long)Math.Clamp(Math.Truncate(d), (double)long.MinValue, (double)long.MaxValue),
        decimal m => (long)Math.Truncate(m),
        string s => LiquidValues.RubyToI(s),
        _ => throw new LiquidRenderException("invalid integer", Line, Column, st.Source),
    };

    // Opens the table and its scope; null when the collection is nil.
    private (LoopSegment Segment, TablerowloopDrop Loop, Dictionary<string, object?> Scope)? Begin(RenderState st, StringBuilder sb)
    {
        var collection = Collection.Eval(st);
        if (collection is null) return null;
        var from = Offset is null ? 0 : ToI(st, Offset.Eval(st));
        long? to = Limit is null ? null : from + ToI(st, Limit.Eval(st));
        var segment = LoopSegment.Slice(collection, from, to);
        // Without cols the whole table is one row as long as the collection (Ruby's default), so col_last holds at its end.
        long? cols = Cols is null ? segment.Count : ToI(st, Cols.Eval(st));
        st.Write(sb, "<tr class=\"row1\">\n");
        var loop = new TablerowloopDrop(segment.Count, cols);
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal) { ["tablerowloop"] = loop };
        st.Push(scope);
        return (segment, loop, scope);
    }

    private void StartCell(RenderState st, StringBuilder sb, Dictionary<string, object?> scope, TablerowloopDrop loop, object? item)
    {
        st.Step();
        scope[Variable] = item;
        st.Write(sb, $"<td class=\"col{loop.Col}\">");
    }

    // Closes a cell (and the row when it is full); true when a break ends the table.
    private static bool EndCell(RenderState st, StringBuilder sb, TablerowloopDrop loop, long i, long count)
    {
        st.Write(sb, "</td>");
        if (st.Interrupt != Interrupt.None)
        {
            var brk = st.Interrupt == Interrupt.Break;
            st.Interrupt = Interrupt.None;
            if (brk) return true;
        }
        if (loop.ColLast && i != count - 1)
            st.Write(sb, $"</tr>\n<tr class=\"row{loop.Row + 1}\">");
        loop.Increment();
        return false;
    }
}

internal sealed class InterruptNode(Interrupt kind) : Node
{
    public override void Render(RenderState st, StringBuilder sb) => st.Interrupt = kind;
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
