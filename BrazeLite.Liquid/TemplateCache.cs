namespace BrazeLite.Liquid;

/// <summary>
/// A thread-safe least-recently-used cache of parsed templates keyed by source text and error mode, bounded by the
/// total characters of the sources it holds, so re-rendering on every keystroke only parses the field that changed.
/// </summary>
public sealed class TemplateCache<TParsed>(int maxCharacters = TemplateCache<TParsed>.DefaultMaxCharacters, int maxEntries = TemplateCache<TParsed>.DefaultMaxEntries)
{
    /// <summary>The default bound on the characters of the sources held.</summary>
    public const int DefaultMaxCharacters = 4_000_000;

    /// <summary>The default bound on the number of sources held.</summary>
    public const int DefaultMaxEntries = 2_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<(string, LiquidErrorMode), LinkedListNode<Entry>> _map = [];
    private readonly LinkedList<Entry> _order = new();
    private long _characters;

    private sealed record Entry((string Source, LiquidErrorMode Mode) Key, TParsed Value);

    /// <summary>How many parsed sources the cache holds.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _map.Count;
            }
        }
    }

    /// <summary>The cached parse of <paramref name="source"/>, or the result of <paramref name="parse"/>, stored.</summary>
    public TParsed GetOrAdd(string source, LiquidErrorMode mode, Func<string, LiquidErrorMode, TParsed> parse)
    {
        var key = (source, mode);
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                return node.Value.Value;
            }
        }

        // Parsing happens outside the lock: two renders of the same new source may both parse; the last one is kept.
        var parsed = parse(source, mode);
        if (source.Length > maxCharacters)
        {
            return parsed;
        }
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var existing))
            {
                _order.Remove(existing);
                _characters -= source.Length;
                _map.Remove(key);
            }
            var node = _order.AddFirst(new Entry(key, parsed));
            _map[key] = node;
            _characters += source.Length;
            while ((_characters > maxCharacters || _map.Count > maxEntries) && _order.Last is { } last)
            {
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
                _characters -= last.Value.Key.Source.Length;
            }
        }
        return parsed;
    }
}
