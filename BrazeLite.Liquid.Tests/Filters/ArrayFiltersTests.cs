using BrazeLite.Liquid;
using static BrazeLite.Liquid.Tests.Filters.F;

namespace BrazeLite.Liquid.Tests.Filters;

public class ArrayFiltersTests
{
    private static readonly List<object?> Products =
    [
        H(("title", "Vacuum"), ("type", "house"), ("price", 30L), ("available", true)),
        H(("title", "Spatula"), ("type", "kitchen"), ("price", 5L), ("available", false)),
        H(("title", "Television"), ("type", "lounge"), ("price", 300L), ("available", true)),
        H(("title", "Garlic press"), ("type", "kitchen"), ("price", 12L)),
    ];

    [Fact]
    public void Join_NestedArrays_FlattensWithGlue()
    {
        Assert.Equal("a b c", Out("join", A("a", A("b", "c"))));
        Assert.Equal("1, , 2.5", Out("join", A(1L, null, 2.5), ", "));
        Assert.Equal("x", Out("join", "x", "-"));
        Assert.Equal("1-2-3", Out("join", new LiquidRange(1, 3), "-"));
    }

    [Fact]
    public void FirstLast_Collections_ReturnEnds()
    {
        Assert.Equal("a", Apply("first", A("a", "b")));
        Assert.Equal("b", Apply("last", A("a", "b")));
        Assert.Null(Apply("first", A()));
        Assert.Equal("a", Apply("first", "abc")); // a string's first character, as Ruby Liquid 5 gives it
        Assert.Equal(1L, Apply("first", new LiquidRange(1, 5_000_000_000)));
        Assert.Equal(5_000_000_000L, Apply("last", new LiquidRange(1, 5_000_000_000)));
        Assert.Equal(A("k", 1L), Apply("first", H(("k", 1L))));
    }

    [Fact]
    public void Size_Values_FollowRuby()
    {
        Assert.Equal(3L, Apply("size", "abc"));
        Assert.Equal(2L, Apply("size", A(1L, 2L)));
        Assert.Equal(0L, Apply("size", null));
    }

    [Fact]
    public void Concat_Arrays_Appends_AndRejectsNonArray()
    {
        Assert.Equal(A("a", "b", "c", A("d")), Apply("concat", A("a", A("b")), A("c", A("d"))));
        Assert.Equal("concat filter requires an array argument", Assert.Throws<LiquidFilterException>(() => Apply("concat", A(), "x")).Message);
    }

    [Fact]
    public void Reverse_ArrayAndRange_Reverses()
    {
        Assert.Equal(A(3L, 2L, 1L), Apply("reverse", A(1L, 2L, 3L)));
        Assert.Equal(A(3L, 2L, 1L), Apply("reverse", new LiquidRange(1, 3)));
    }

    [Fact]
    public void Compact_NilsAndProperty_Removed()
    {
        Assert.Equal(A(1L, 2L), Apply("compact", A(1L, null, 2L, null)));
        var items = A(H(("n", 1L)), H(("n", null)), H());
        Assert.Equal(A(H(("n", 1L))), Apply("compact", items, "n"));
    }

    [Fact]
    public void Uniq_Values_KeepsFirstOccurrenceByRubyEql()
    {
        Assert.Equal(A(1L, 1.0, "1", 2L), Apply("uniq", A(1L, 1.0, "1", 1L, 2L)));
        Assert.Equal(A(H(("t", "a")), H(("t", "b"))), Apply("uniq", A(H(("t", "a")), H(("t", "b")), H(("t", "a"))), "t"));
    }

    [Fact]
    public void Sort_Mixed_FollowsRubyOrderWithNilsLast()
    {
        Assert.Equal(A(1L, 2.5, 3L), Apply("sort", A(3L, 1L, 2.5)));
        Assert.Equal(A("B", "a", "c"), Apply("sort", A("c", "a", "B")));
        Assert.Equal(A(1L, 2L, null, null), Apply("sort", A(null, 2L, null, 1L)));
        Assert.Equal("cannot sort values of incompatible types", Assert.Throws<LiquidFilterException>(() => Apply("sort", A(1L, "a"))).Message);
    }

    [Fact]
    public void Sort_ByProperty_OrdersHashes()
    {
        var sorted = Assert.IsType<List<object?>>(Apply("sort", Products, "price"));
        Assert.Equal(A("Spatula", "Garlic press", "Vacuum", "Television"), Apply("map", sorted, "title"));
        var withMissing = A(H(("p", 2L)), H(), H(("p", 1L)));
        Assert.Equal(A(1L, 2L, null), Apply("map", Apply("sort", withMissing, "p"), "p"));
    }

    [Fact]
    public void SortNatural_Strings_IgnoresCase()
    {
        Assert.Equal(A("a", "B", "c"), Apply("sort_natural", A("c", "a", "B")));
        Assert.Equal(A("Apple", "banana", null), Apply("map", Apply("sort_natural", A(H(("n", "banana")), H(("n", null)), H(("n", "Apple"))), "n"), "n"));
    }

    [Fact]
    public void Map_Property_CollectsValues()
    {
        Assert.Equal(A("house", "kitchen", "lounge", "kitchen"), Apply("map", Products, "type"));
        Assert.Equal(A(null, null), Apply("map", A(H(), 1.5), "x"));
        Assert.Equal("cannot select the property 'x'", Assert.Throws<LiquidFilterException>(() => Apply("map", A(1L), "x")).Message);
    }

    [Fact]
    public void Where_WithAndWithoutValue_Filters()
    {
        Assert.Equal(A("Spatula", "Garlic press"), Apply("map", Apply("where", Products, "type", "kitchen"), "title"));
        Assert.Equal(A("Vacuum", "Television"), Apply("map", Apply("where", Products, "available"), "title"));
        Assert.Equal(A(), Apply("where", A(), "x", 1L));
        Assert.Equal(A(H(("n", 1.0))), Apply("where", A(H(("n", 1.0)), H(("n", 2L))), "n", 1L));
    }

    [Fact]
    public void RejectFindFindIndexHas_Property_FollowLiquid5()
    {
        Assert.Equal(A("Vacuum", "Television"), Apply("map", Apply("reject", Products, "type", "kitchen"), "title"));
        Assert.Equal(A("Spatula", "Garlic press"), Apply("map", Apply("reject", Products, "available"), "title"));
        Assert.Equal(Products[1], Apply("find", Products, "type", "kitchen"));
        Assert.Null(Apply("find", Products, "type", "garage"));
        Assert.Equal(1L, Apply("find_index", Products, "type", "kitchen"));
        Assert.Null(Apply("find_index", Products, "type", "garage"));
        Assert.Equal(true, Apply("has", Products, "type", "lounge"));
        Assert.Equal(false, Apply("has", Products, "type", "garage"));
        Assert.Equal(false, Apply("has", A(), "type", "garage"));
        Assert.Null(Apply("find", A(), "type"));
    }

    [Fact]
    public void Where_HugeRange_StopsAtStepLimit()
    {
        var context = new FilterTestContext(stepLimit: 1000);
        Assert.Throws<LiquidFilterException>(() => Apply(context, "join", new LiquidRange(1, 50_000_000)));
        Assert.True(context.Steps <= 1001);
    }

    [Fact]
    public void Filters_CancelledToken_StopWalking()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var context = new FilterTestContext(stepLimit: long.MaxValue) { CancellationToken = cts.Token };
        Assert.Throws<OperationCanceledException>(() => Apply(context, "sort", new LiquidRange(1, 50_000_000)));
    }
}
