using BrazeLite.Liquid;
using static BrazeLite.Liquid.Tests.Filters.F;

namespace BrazeLite.Liquid.Tests.Filters;

public class StringFiltersTests
{
    [Fact]
    public void AppendPrepend_NonStrings_UseRubyToS()
    {
        Assert.Equal("a1", Out("append", "a", 1L));
        Assert.Equal("1.5x", Out("append", 1.5, "x"));
        Assert.Equal("x", Out("append", null, "x"));
        Assert.Equal("[\"a\", \"b\"]!", Out("append", A("a", "b"), "!"));
        Assert.Equal("pre-fix", Out("prepend", "fix", "pre-"));
    }

    [Fact]
    public void CaseFilters_Text_ChangeCase()
    {
        Assert.Equal("HELLO É", Out("upcase", "hello é"));
        Assert.Equal("STRASSE FIX", Out("upcase", "Straße ﬁx"));
        Assert.Equal("Ssa", Out("capitalize", "ßA"));
        Assert.Equal("hello", Out("downcase", "HeLLo"));
        Assert.Equal("Hello world", Out("capitalize", "hELLO WORLD"));
        Assert.Equal("", Out("capitalize", null));
    }

    [Fact]
    public void StripFamily_Whitespace_RemovedOnTheRightSides()
    {
        Assert.Equal("a b", Out("strip", " \t\na b\r\n "));
        Assert.Equal("a ", Out("lstrip", "  a "));
        Assert.Equal("  a", Out("rstrip", "  a \n"));
        Assert.Equal("\u00a0a", Out("strip", "\u00a0a"));
        Assert.Equal("ab", Out("strip_newlines", "a\r\nb\n"));
        Assert.Equal("a<br />\nb<br />\n", Out("newline_to_br", "a\r\nb\n"));
    }

    [Fact]
    public void Replace_Variants_ReplaceLiterally()
    {
        Assert.Equal("b.b.c", Out("replace", "a.a.c", "a", "b"));
        Assert.Equal("b.a.c", Out("replace_first", "a.a.c", "a", "b"));
        Assert.Equal("a.b.c", Out("replace_last", "a.a.c", "a", "b"));
        Assert.Equal("..c", Out("remove", "a.a.c", "a"));
        Assert.Equal(".a.c", Out("remove_first", "a.a.c", "a"));
        Assert.Equal("a..c", Out("remove_last", "a.a.c", "a"));
        Assert.Equal("a*b", Out("replace", "a.b", ".", "*"));
        Assert.Equal("xy", Out("replace", "x", "", "") + "y");
        Assert.Equal("-a-b-", Out("replace", "ab", "", "-"));
    }

    [Fact]
    public void Replace_BackslashSequences_ExpandLikeRubyGsub()
    {
        Assert.Equal("It\\'s", Out("replace", "It's", "'", "\\\\'"));
        Assert.Equal("[a].b", Out("replace", "a.b", "a", "[\\0]"));
        Assert.Equal("x<a>y", Out("replace_first", "xay", "a", "<\\&>"));
        Assert.Equal("x(x)(y)y", Out("replace", "xay", "a", "(\\`)(\\')"));
        Assert.Equal("a\\qb", Out("replace", "a.b", ".", "\\q"));
        Assert.Equal("ab", Out("replace", "a.b", ".", "\\1"));
        Assert.Equal("-a-b-", Out("replace", "ab", "", "-\\0"));
        Assert.Equal("a.b\\", Out("replace_last", "a.bc", "c", "\\"));
    }

    [Fact]
    public void Replace_EmptyPatternHugeResult_ThrowsInsteadOfAllocating()
    {
        var input = new string('a', 100_000);
        var replacement = new string('b', 100);
        var e = Assert.Throws<LiquidFilterException>(() => Apply("replace", input, "", replacement));
        Assert.Contains("replace: result longer than", e.Message);
    }

    [Fact]
    public void Append_DoublingBeyondLimit_Throws()
    {
        var s = new string('x', 3 * 1024 * 1024);
        Assert.Throws<LiquidFilterException>(() => Apply("append", s, s));
    }

    [Fact]
    public void Split_Patterns_FollowRuby()
    {
        Assert.Equal(A("a", "b", "c"), Apply("split", "a,b,c", ","));
        Assert.Equal(A("a", "", "b"), Apply("split", "a,,b,,", ","));
        Assert.Equal(A("", "a"), Apply("split", ",a", ","));
        Assert.Equal(A("a", "b"), Apply("split", "  a \t b  ", " "));
        Assert.Equal(A("a", "b", "c"), Apply("split", "abc", ""));
        Assert.Equal(A(), Apply("split", "", ","));
        Assert.Equal(A("a", "b"), Apply("split", "a--b", "--"));
    }

    [Fact]
    public void Truncate_Lengths_CountEllipsis()
    {
        Assert.Equal("Ground control to...", Out("truncate", "Ground control to Major Tom.", 20L));
        Assert.Equal("Ground control, and so on", Out("truncate", "Ground control to Major Tom.", 25L, ", and so on"));
        Assert.Equal("Ground control to Ma", Out("truncate", "Ground control to Major Tom.", 20L, ""));
        Assert.Equal("...", Out("truncate", "abcdef", 2L));
        Assert.Equal("short", Out("truncate", "short", 10L));
        Assert.Equal("", Out("truncate", null, 3L));
        Assert.Equal("invalid integer", Assert.Throws<LiquidFilterException>(() => Apply("truncate", "abc", "x")).Message);
    }

    [Fact]
    public void Truncate_Emoji_CountsCharactersNotUnits() => Assert.Equal("😀😀...", Out("truncate", "😀😀😀😀😀😀", 5L));

    [Fact]
    public void TruncateWords_Words_KeepsFirstN()
    {
        Assert.Equal("Ground control to...", Out("truncatewords", "Ground control to Major Tom.", 3L));
        Assert.Equal("Ground control to--", Out("truncatewords", "Ground control to Major Tom.", 3L, "--"));
        Assert.Equal("one two", Out("truncatewords", "one two", 3L));
        Assert.Equal("one...", Out("truncatewords", "one two", 0L));
        Assert.Equal("  one   two  ", Out("truncatewords", "  one   two  ", 2L));
        Assert.Equal("one two...", Out("truncatewords", "one\ntwo\tthree", 2L));
    }

    [Fact]
    public void Slice_StringsAndArrays_FollowRuby()
    {
        Assert.Equal("q", Out("slice", "Liquid", 2L));
        Assert.Equal("quid", Out("slice", "Liquid", 2L, 5L));
        Assert.Equal("ui", Out("slice", "Liquid", -3L, 2L));
        Assert.Equal("", Out("slice", "Liquid", 10L));
        Assert.Equal("", Out("slice", "Liquid", 6L));
        Assert.Equal("Liquid", Out("slice", "Liquid", 0L, long.MaxValue));
        Assert.Equal(A("b", "c"), Apply("slice", A("a", "b", "c"), 1L, 5L));
        Assert.Equal(A("c"), Apply("slice", A("a", "b", "c"), -1L));
        Assert.Equal(A(), Apply("slice", A("a"), 5L));
        Assert.Equal("ll", Out("slice", "hello", "2", "2"));
    }

    [Fact]
    public void Base64_RoundTrips_AndRejectsInvalidInput()
    {
        Assert.Equal("b25lIHR3byB0aHJlZQ==", Out("base64_encode", "one two three"));
        Assert.Equal("one two three", Out("base64_decode", "b25lIHR3byB0aHJlZQ=="));
        Assert.Equal("invalid base64 provided to base64_decode", Assert.Throws<LiquidFilterException>(() => Apply("base64_decode", "not base64!")).Message);
        Assert.Equal("Pz8-", Out("base64_url_safe_encode", "??>"));
        Assert.Equal("??>", Out("base64_url_safe_decode", "Pz8-"));
        Assert.Equal("??>", Out("base64_url_safe_decode", "Pz8+".Replace('+', '-')));
        Assert.Equal("ab", Out("base64_url_safe_decode", "YWI"));
    }

    [Fact]
    public void Default_Values_FollowLiquid()
    {
        Assert.Equal("d", Out("default", null, "d"));
        Assert.Equal("d", Out("default", false, "d"));
        Assert.Equal("d", Out("default", "", "d"));
        Assert.Equal("d", Out("default", A(), "d"));
        Assert.Equal("d", Out("default", H(), "d"));
        Assert.Equal("  ", Out("default", "  ", "d"));
        Assert.Equal("0", Out("default", 0L, "d"));
        Assert.Equal("", Out("default", null));
    }

    [Fact]
    public void Default_AllowFalse_KeepsFalse()
    {
        Assert.Equal(false, Named("default", false, ["d"], new() { ["allow_false"] = true }));
        Assert.Equal("d", Named("default", null, ["d"], new() { ["allow_false"] = true }));
        Assert.Equal("d", Named("default", false, ["d"], new() { ["allow_false"] = false }));
    }
}
