using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace BrazeLite.Liquid.Runtime;

/// <summary>A read-only hash whose values are computed on demand (forloop, tablerowloop).</summary>
internal abstract class ComputedHash : IDictionary<string, object?>
{
    protected abstract string[] KeyNames { get; }

    public abstract bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value);

    public object? this[string key]
    {
        get => TryGetValue(key, out var v) ? v : null;
        set => throw new NotSupportedException();
    }

    public ICollection<string> Keys => KeyNames;
    public ICollection<object?> Values => KeyNames.Select(k => this[k]).ToList();
    public int Count => KeyNames.Length;
    public bool IsReadOnly => true;
    public void Add(string key, object? value) => throw new NotSupportedException();
    public void Add(KeyValuePair<string, object?> item) => throw new NotSupportedException();
    public void Clear() => throw new NotSupportedException();
    public bool Contains(KeyValuePair<string, object?> item) => TryGetValue(item.Key, out var v) && Equals(v, item.Value);
    public bool ContainsKey(string key) => Array.IndexOf(KeyNames, key) >= 0;

    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
    {
        foreach (var kv in this) array[arrayIndex++] = kv;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        foreach (var k in KeyNames) yield return new(k, this[k]);
    }

    public bool Remove(string key) => throw new NotSupportedException();
    public bool Remove(KeyValuePair<string, object?> item) => throw new NotSupportedException();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A for loop's <c>forloop</c>; its <c>name</c> is Ruby's: the variable and the collection as written
/// (<c>item-products</c>), or the partial's name in <c>render ... for</c>.</summary>
internal sealed class ForloopDrop(long length, object? parent, string? name = null) : ComputedHash
{
    private static readonly string[] Names = ["name", "parentloop", "length", "index", "index0", "rindex", "rindex0", "first", "last"];
    public long Index0;

    protected override string[] KeyNames => Names;

    public override bool TryGetValue(string key, out object? value)
    {
        value = key switch
        {
            "name" => name,
            "parentloop" => parent,
            "length" => length,
            "index" => Index0 + 1,
            "index0" => Index0,
            "rindex" => length - Index0,
            "rindex0" => length - Index0 - 1,
            "first" => Index0 == 0,
            "last" => Index0 == length - 1,
            _ => null,
        };
        return Array.IndexOf(Names, key) >= 0;
    }
}

internal sealed class TablerowloopDrop(long length, long? cols) : ComputedHash
{
    private static readonly string[] Names = ["length", "index", "index0", "rindex", "rindex0", "first", "last", "col", "col0", "col_first", "col_last", "row"];
    public long Index0;
    public long Col = 1;
    public long Row = 1;

    protected override string[] KeyNames => Names;

    public bool ColLast => cols.HasValue && Col == cols.Value;

    public void Increment()
    {
        Index0++;
        if (cols.HasValue && Col == cols.Value)
        {
            Col = 1;
            Row++;
        }
        else Col++;
    }

    public override bool TryGetValue(string key, out object? value)
    {
        value = key switch
        {
            "length" => length,
            "index" => Index0 + 1,
            "index0" => Index0,
            "rindex" => length - Index0,
            "rindex0" => length - Index0 - 1,
            "first" => Index0 == 0,
            "last" => Index0 == length - 1,
            "col" => Col,
            "col0" => Col - 1,
            "col_first" => Col == 1,
            "col_last" => ColLast,
            "row" => Row,
            _ => null,
        };
        return Array.IndexOf(Names, key) >= 0;
    }
}

/// <summary>The part of a collection a loop visits; ranges are never materialised.</summary>
internal sealed class LoopSegment
{
    private readonly IList<object?>? _list;
    private readonly long _start;
    public long Count { get; }
    public bool Reversed { get; set; }

    private LoopSegment(IList<object?>? list, long start, long count)
    {
        _list = list;
        _start = start;
        Count = Math.Max(0, count);
    }

    public object? this[long i]
    {
        get
        {
            var idx = Reversed ? _start + Count - 1 - i : _start + i;
            return _list is null ? idx : _list[(int)idx];
        }
    }

    public static readonly LoopSegment Empty = new([], 0, 0);

    /// <summary>Liquid's <c>slice_collection</c>: items [from, to) of an array, range, hash (as pairs) or a non-empty string.</summary>
    public static LoopSegment Slice(object? collection, long from, long? to)
    {
        switch (collection)
        {
            case IList<object?> list:
                return Window(list, 0, list.Count, from, to);
            case LiquidRange r:
                {
                    // A range wider than long.MaxValue elements is cut there rather than overflowing to empty.
                    var span = r.End - r.Start;
                    var count = r.End < r.Start ? 0 : span is >= 0 and < long.MaxValue ? span + 1 : long.MaxValue;
                    var seg = Window(null, 0, count, from, to);
                    return new LoopSegment(null, r.Start + seg._start, seg.Count);
                }
            case IDictionary<string, object?> h:
                {
                    var pairs = new List<object?>(h.Count);
                    foreach (var (k, v) in h) pairs.Add(new List<object?> { k, v });
                    return Window(pairs, 0, pairs.Count, from, to);
                }
            case string s:
                return s.Length == 0 ? Empty : new LoopSegment([s], 0, 1);
            default:
                return Empty;
        }
    }

    private static LoopSegment Window(IList<object?>? list, long start, long count, long from, long? to)
    {
        var f = Math.Max(0, from);
        var end = to.HasValue ? Math.Min(count, to.Value) : count;
        return new LoopSegment(list, start + f, end - f);
    }
}

/// <summary>
/// <c>self</c> (Liquid 5.x), when no variable has that name: the scope it was read in, as a drop. <c>self.x</c> and
/// <c>self['x']</c> find <c>x</c> as a bare <c>x</c> would there, at the time of the lookup (an assign made later shows).
/// It stays bound to that scope when assigned or passed to a <c>render</c>, whose own <c>self</c> is its own scope. It
/// prints as Ruby's class name, has no size, and equals only a <c>self</c> of the same scope.
/// </summary>
internal sealed class SelfDrop(RenderState state)
{
    public bool TryFind(string key, out object? value)
    {
        if (state.TryResolve(key, out value)) return true;
        value = key == "self" ? this : null;
        return value is not null;
    }

    public override string ToString() => "Liquid::SelfDrop";

    public override bool Equals(object? obj) => obj is SelfDrop other && ReferenceEquals(other.State, state);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(state);

    private RenderState State => state;
}
