using BrazeLite.Liquid.Filters;

namespace BrazeLite.Liquid.Tests.Filters;

public class BuiltInFiltersTests
{
    [Fact]
    public void All_ShopifyLiquid5Filters_AreRegistered()
    {
        var names = "abs append at_least at_most base64_decode base64_encode base64_url_safe_decode base64_url_safe_encode capitalize ceil compact concat date default divided_by downcase escape escape_once first floor join last lstrip map minus modulo newline_to_br plus prepend remove remove_first remove_last replace replace_first replace_last reverse round rstrip size slice sort sort_natural split strip strip_html strip_newlines sum times truncate truncatewords uniq upcase url_decode url_encode where reject find find_index has";
        foreach (var name in names.Split(' '))
            Assert.True(BuiltInFilters.All.ContainsKey(name), $"{name} is missing");
    }

    [Fact]
    public void All_BrazeFilters_AreRegistered()
    {
        foreach (var name in "md5 sha1 sha2 hmac_sha1_hex hmac_sha1_base64 hmac_sha256_hex hmac_sha256_base64 url_escape url_param_escape property_accessor number_with_delimiter json_escape time_zone".Split(' '))
            Assert.True(BuiltInFilters.All.ContainsKey(name), $"{name} is missing");
    }

    [Fact]
    public void All_UnknownName_IsAbsent()
    {
        Assert.False(BuiltInFilters.All.ContainsKey("upcas"));
        Assert.False(BuiltInFilters.All.ContainsKey("eval"));
    }
}

public class FilterArityTests
{
    [Fact]
    public void Arity_TooFewOrTooMany_ThrowsRubyMessage()
    {
        Assert.Equal("append: wrong number of arguments (given 1, expected 2)",
            Assert.Throws<BrazeLite.Liquid.LiquidFilterException>(() => F.Apply("append", "a")).Message);
        Assert.Equal("upcase: wrong number of arguments (given 2, expected 1)",
            Assert.Throws<BrazeLite.Liquid.LiquidFilterException>(() => F.Apply("upcase", "a", "b")).Message);
        Assert.Equal("replace: wrong number of arguments (given 4, expected 2..3)",
            Assert.Throws<BrazeLite.Liquid.LiquidFilterException>(() => F.Apply("replace", "a", "b", "c", "d")).Message);
    }

    [Fact]
    public void Arity_KeywordArguments_CountAsOneHash() =>
        Assert.Equal(false, F.Named("default", false, [], new() { ["allow_false"] = true }));
}
