using Dashboard.Preview;

namespace Dashboard.Tests.Preview;

public class TemplateCacheTests
{
    private int _parses;

    private string Parse(string source, PreviewErrorMode mode)
    {
        _parses++;
        return $"{mode}:{source}";
    }

    [Fact]
    public void GetOrAdd_SameSourceTwice_ParsesOnce()
    {
        var cache = new TemplateCache<string>();

        var first = cache.GetOrAdd("Hi {{x}}", PreviewErrorMode.Strict, Parse);
        var second = cache.GetOrAdd("Hi {{x}}", PreviewErrorMode.Strict, Parse);

        Assert.Same(first, second);
        Assert.Equal(1, _parses);
    }

    [Fact]
    public void GetOrAdd_SameSourceOtherMode_ParsesAgain()
    {
        var cache = new TemplateCache<string>();

        cache.GetOrAdd("Hi", PreviewErrorMode.Strict, Parse);
        var lax = cache.GetOrAdd("Hi", PreviewErrorMode.Lax, Parse);

        Assert.Equal("Lax:Hi", lax);
        Assert.Equal(2, _parses);
    }

    [Fact]
    public void GetOrAdd_OverEntryBound_EvictsLeastRecentlyUsed()
    {
        var cache = new TemplateCache<string>(maxCharacters: 1000, maxEntries: 2);
        cache.GetOrAdd("a", PreviewErrorMode.Strict, Parse);
        cache.GetOrAdd("b", PreviewErrorMode.Strict, Parse);
        cache.GetOrAdd("a", PreviewErrorMode.Strict, Parse); // "a" is now the most recent

        cache.GetOrAdd("c", PreviewErrorMode.Strict, Parse); // evicts "b"
        cache.GetOrAdd("a", PreviewErrorMode.Strict, Parse);
        cache.GetOrAdd("b", PreviewErrorMode.Strict, Parse);

        Assert.Equal(4, _parses);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void GetOrAdd_OverCharacterBound_EvictsUntilWithinBound()
    {
        var cache = new TemplateCache<string>(maxCharacters: 10, maxEntries: 100);
        cache.GetOrAdd("12345", PreviewErrorMode.Strict, Parse);
        cache.GetOrAdd("67890", PreviewErrorMode.Strict, Parse);

        cache.GetOrAdd("abc", PreviewErrorMode.Strict, Parse);

        Assert.Equal(2, cache.Count);
        cache.GetOrAdd("67890", PreviewErrorMode.Strict, Parse);
        Assert.Equal(3, _parses);
    }

    [Fact]
    public void GetOrAdd_SourceLargerThanBound_IsParsedButNotKept()
    {
        var cache = new TemplateCache<string>(maxCharacters: 4, maxEntries: 100);

        cache.GetOrAdd("too long", PreviewErrorMode.Strict, Parse);
        cache.GetOrAdd("too long", PreviewErrorMode.Strict, Parse);

        Assert.Equal(0, cache.Count);
        Assert.Equal(2, _parses);
    }
}
