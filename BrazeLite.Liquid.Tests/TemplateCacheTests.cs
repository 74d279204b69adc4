using BrazeLite.Liquid;

namespace BrazeLite.Liquid.Tests;

public class TemplateCacheTests
{
    private int _parses;

    private string Parse(string source, LiquidErrorMode mode)
    {
        _parses++;
        return $"{mode}:{source}";
    }

    [Fact]
    public void GetOrAdd_SameSourceTwice_ParsesOnce()
    {
        var cache = new TemplateCache<string>();

        var first = cache.GetOrAdd("Hi {{x}}", LiquidErrorMode.Strict, Parse);
        var second = cache.GetOrAdd("Hi {{x}}", LiquidErrorMode.Strict, Parse);

        Assert.Same(first, second);
        Assert.Equal(1, _parses);
    }

    [Fact]
    public void GetOrAdd_SameSourceOtherMode_ParsesAgain()
    {
        var cache = new TemplateCache<string>();

        cache.GetOrAdd("Hi", LiquidErrorMode.Strict, Parse);
        var lax = cache.GetOrAdd("Hi", LiquidErrorMode.Lax, Parse);

        Assert.Equal("Lax:Hi", lax);
        Assert.Equal(2, _parses);
    }

    [Fact]
    public void GetOrAdd_OverEntryBound_EvictsLeastRecentlyUsed()
    {
        var cache = new TemplateCache<string>(maxCharacters: 1000, maxEntries: 2);
        cache.GetOrAdd("a", LiquidErrorMode.Strict, Parse);
        cache.GetOrAdd("b", LiquidErrorMode.Strict, Parse);
        cache.GetOrAdd("a", LiquidErrorMode.Strict, Parse); // "a" is now the most recent

        cache.GetOrAdd("c", LiquidErrorMode.Strict, Parse); // evicts "b"
        cache.GetOrAdd("a", LiquidErrorMode.Strict, Parse);
        cache.GetOrAdd("b", LiquidErrorMode.Strict, Parse);

        Assert.Equal(4, _parses);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void GetOrAdd_OverCharacterBound_EvictsUntilWithinBound()
    {
        var cache = new TemplateCache<string>(maxCharacters: 10, maxEntries: 100);
        cache.GetOrAdd("12345", LiquidErrorMode.Strict, Parse);
        cache.GetOrAdd("67890", LiquidErrorMode.Strict, Parse);

        cache.GetOrAdd("abc", LiquidErrorMode.Strict, Parse);

        Assert.Equal(2, cache.Count);
        cache.GetOrAdd("67890", LiquidErrorMode.Strict, Parse);
        Assert.Equal(3, _parses);
    }

    [Fact]
    public void GetOrAdd_SourceLargerThanBound_IsParsedButNotKept()
    {
        var cache = new TemplateCache<string>(maxCharacters: 4, maxEntries: 100);

        cache.GetOrAdd("too long", LiquidErrorMode.Strict, Parse);
        cache.GetOrAdd("too long", LiquidErrorMode.Strict, Parse);

        Assert.Equal(0, cache.Count);
        Assert.Equal(2, _parses);
    }
}
