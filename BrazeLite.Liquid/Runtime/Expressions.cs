namespace BrazeLite.Liquid.Runtime;

/// <summary>An expression: literal, range, variable lookup, filtered value or condition.</summary>
internal abstract class Expr
{
    public int Line;
    public int Column;

    public abstract object? Eval(RenderState st);
}

internal sealed class LiteralExpr(object? value) : Expr
{
    public object? Value { get; } = value;

    public override object? Eval(RenderState st) => Value;
}

internal sealed class RangeExpr(Expr start, Expr end) : Expr
{
    public override object? Eval(RenderState st)
    {
        var a = ToBound(st, start.Eval(st));
        var b = ToBound(st, end.Eval(st));
        return new LiquidRange(a, b);
    }

    // Both bounds written as literals: Ruby converts them when it parses, so (1.9..3.1) is 1..3.
    private readonly bool _literal = start is LiteralExpr && end is LiteralExpr;

    // Liquid's RangeLookup#to_integer: nil and strings take to_i; a float is truncated only when both bounds are literals
    // (converted at parse). Evaluated at render it goes through Integer("1.5"), which fails: "invalid integer".
    private long ToBound(RenderState st, object? v)
    {
        switch (v)
        {
            case long l: return l;
            case int i: return i;
            case double d when _literal && double.IsFinite(d): return (long)Math.Clamp(Math.Truncate(d), (double)long.MinValue, (double)long.MaxValue);
            case double: throw Err(st, "invalid integer");
            case null: return 0;
            case string s: return LiquidValues.RubyToI(s);
        }
        try
        {
            return LiquidValues.ToInteger(v);
        }
        catch (LiquidFilterException e)
        {
            throw Err(st, e.Message);
        }
    }

    private LiquidRenderException Err(RenderState st, string message) => new(message, Line, Column, st.Source);
}

/// <summary>One step of a lookup: <c>.name</c>, <c>.${name}</c> or <c>[expr]</c>.</summary>
internal sealed record LookupSegment(object? Key, Expr? KeyExpr, bool Dot);

internal sealed class LookupExpr : Expr
{
    public string? RootName;
    public Expr? RootExpr;
    public LookupSegment[] Segments = [];
    public string Path = "";
    public bool Quiet;
    public IReadOnlyList<string> KeySegments = [];

    public override object? Eval(RenderState st)
    {
        object? cur;
        if (RootName is not null)
        {
            if (!st.TryResolve(RootName, out cur))
            {
                if (RootName == "self")
                {
                    cur = st.Self;
                }
                else
                {
                    if (RootName == "content_blocks" && Segments.Length > 0 && Segments[0].Key is string block && st.Shared.Context.Partials.TryGetPartial(block, out _))
                        return Nodes.RenderContentBlock(st, block, Line, Column);
                    Missing(st);
                    return null;
                }
            }
        }
        else
        {
            var key = RootExpr!.Eval(st);
            if (key is not string name || !st.TryResolve(name, out cur))
            {
                Missing(st);
                return null;
            }
        }

        foreach (var seg in Segments)
        {
            var key = seg.Key ?? seg.KeyExpr!.Eval(st);
            if (!TryLookup(cur, key, seg.Dot, out cur))
            {
                Missing(st);
                return null;
            }
        }
        return cur;
    }

    private void Missing(RenderState st)
    {
        if (st.Options.WarnOnMissingVariables && !Quiet)
            st.AddWarning($"`{Path}` has no value", Line, Column, Path);
    }

    public static bool TryLookup(object? obj, object? key, bool dot, out object? value)
    {
        if (key is int ik) key = (long)ik;
        switch (obj)
        {
            case IDictionary<string, object?> h:
                if (key is string s)
                {
                    if (h.TryGetValue(s, out value)) return true;
                    if (dot)
                    {
                        switch (s)
                        {
                            case "size": value = (long)h.Count; return true;
                            case "first":
                                foreach (var (k, v) in h)
                                {
                                    value = new List<object?> { k, v };
                                    return true;
                                }
                                value = null;
                                return true;
                        }
                    }
                }
                break;
            case IList<object?> list:
                if (key is long idx)
                {
                    if (idx < 0) idx += list.Count;
                    if (idx >= 0 && idx < list.Count)
                    {
                        value = list[(int)idx];
                        return true;
                    }
                    value = null;
                    return false;
                }
                if (key is double di && double.IsFinite(di))
                    return TryLookup(obj, (long)di, dot, out value);
                if (dot && key is string ls)
                {
                    switch (ls)
                    {
                        case "size": value = (long)list.Count; return true;
                        case "first": value = list.Count > 0 ? list[0] : null; return true;
                        case "last": value = list.Count > 0 ? list[^1] : null; return true;
                    }
                }
                break;
            case string str when dot && key is "size":
                value = (long)LiquidValues.CharCount(str);
                return true;
            case string str when dot && key is "first" or "last":
                // Ruby Liquid reads a string's first and last character as ActiveSupport does; "" for an empty string.
                value = (string)key == "first" ? LiquidValues.FirstChar(str) : LiquidValues.LastChar(str);
                return true;
            case SelfDrop self when key is string name:
                return self.TryFind(name, out value);
            case long or int when dot && key is "size":
                value = 8L; // Ruby's Integer#size: the bytes of a machine word
                return true;
            case LiquidRange r when dot && key is string rs:
                switch (rs)
                {
                    case "size": value = r.Count; return true;
                    case "first": value = r.Start; return true;
                    case "last": value = r.End; return true;
                }
                break;
        }
        value = null;
        return false;
    }
}

internal sealed class FilterCall
{
    public required string Name;
    public FilterFunction? Function;   // null: unknown filter in lax mode, which passes its input through
    public Expr[] Args = [];
    public (string Name, Expr Value)[] Named = [];
    public int Line;
    public int Column;
}

internal sealed class FilteredExpr(Expr input, FilterCall[] filters) : Expr
{
    public Expr Input { get; } = input;
    public FilterCall[] Filters { get; } = filters;

    public override object? Eval(RenderState st)
    {
        var value = Input.Eval(st);
        foreach (var f in Filters)
        {
            st.Step();
            if (f.Function is null) continue;
            var pos = f.Args.Length == 0 ? [] : new object?[f.Args.Length];
            for (var i = 0; i < f.Args.Length; i++) pos[i] = f.Args[i].Eval(st);
            IReadOnlyDictionary<string, object?> named = FilterArguments.None.Named;
            if (f.Named.Length > 0)
            {
                var d = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (n, e) in f.Named) d[n] = e.Eval(st);
                named = d;
            }
            st.At(f.Line, f.Column);
            try
            {
                var args = pos.Length == 0 && f.Named.Length == 0 ? FilterArguments.None : new FilterArguments(pos, named);
                value = f.Function(value, args, st);
            }
            catch (LiquidFilterException e)
            {
                throw new LiquidRenderException(e.Message, f.Line, f.Column, st.Source, rubyDescription: e.RubyMessage);
            }
            catch (Exception e) when (e is not (LiquidRenderException or LiquidAbortException or OperationCanceledException or OutOfMemoryException))
            {
                throw new LiquidRenderException($"filter `{f.Name}` failed: {e.Message}", f.Line, f.Column, st.Source);
            }
            st.CheckValueSize(value);
        }
        return value;
    }
}

/// <summary><c>a op b</c>, or a single value tested for truthiness when there is no operator.</summary>
internal sealed class ComparisonExpr(Expr left, string? op, Expr? right) : Expr
{
    public override object? Eval(RenderState st)
    {
        var l = left.Eval(st);
        if (op is null) return l;
        var r = right!.Eval(st);
        try
        {
            return op switch
            {
                "==" => LiquidValues.Equal(l, r),
                "!=" or "<>" => !LiquidValues.Equal(l, r),
                "contains" => LiquidValues.Contains(l, r),
                _ => LiquidValues.Compare(l, op, r),
            };
        }
        catch (LiquidFilterException e)
        {
            throw new LiquidRenderException(e.Message, Line, Column, st.Source, rubyDescription: e.RubyMessage);
        }
    }
}

/// <summary><c>c1 and c2 or c3 ...</c>, evaluated from right to left as Liquid does.</summary>
internal sealed class LogicExpr(Expr[] conditions, bool[] isAnd) : Expr
{
    public override object? Eval(RenderState st)
    {
        // c1 and (c2 or (c3 ...)): a right fold, short-circuiting from the left.
        for (var i = 0; i < conditions.Length - 1; i++)
        {
            var v = LiquidValues.IsTruthy(conditions[i].Eval(st));
            if (isAnd[i] && !v) return false;
            if (!isAnd[i] && v) return true;
        }
        return LiquidValues.IsTruthy(conditions[^1].Eval(st));
    }
}
