using BrazeLite.Liquid;
using BrazeLite.Liquid.Filters;
using static BrazeLite.Liquid.Tests.Filters.F;

namespace BrazeLite.Liquid.Tests.Filters;

public class BrazeFiltersTests
{
    [Fact]
    public void Hashes_Hello_GiveLowercaseHex()
    {
        Assert.Equal("5d41402abc4b2a76b9719d911017c592", Out("md5", "hello"));
        Assert.Equal("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", Out("sha1", "hello"));
        Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", Out("sha2", "hello"));
    }

    [Fact]
    public void Hmac_MessageAndKey_GiveHexAndBase64()
    {
        Assert.Equal("5112055c05f944f85755efc5cd8970e194e9f45b", Out("hmac_sha1_hex", "hello", "secret"));
        Assert.Equal("URIFXAX5RPhXVe/FzYlw4ZTp9Fs=", Out("hmac_sha1_base64", "hello", "secret"));
        Assert.Equal("88aab3ede8d3adf94d26ab90d3bafd4a2083070c3bcce9c014ee04a443847c0b", Out("hmac_sha256_hex", "hello", "secret"));
        Assert.Equal("iKqz7ejTrflNJquQ07r9SiCDBww7zOnAFO4EpEOEfAs=", Out("hmac_sha256_base64", "hello", "secret"));
    }

    [Fact]
    public void Hmac_WithoutKey_ThrowsNamingTheFilter() =>
        Assert.Contains("hmac_sha256_hex: a key is required", Assert.Throws<LiquidFilterException>(() => Apply("hmac_sha256_hex", "hello")).Message);

    [Fact]
    public void Base64Encode_Blah_GivesBrazeExample() => Assert.Equal("YmxhaA==", Out("base64_encode", "blah"));

    [Fact]
    public void UrlEscape_AngleBrackets_ArePercentEncoded() => Assert.Equal("hey%3C%3Ehi", Out("url_escape", "hey<>hi"));

    [Fact]
    public void UrlEscape_SpacesAndAmpersand_SpaceEncodedAmpersandKept() =>
        Assert.Equal("%3Cp%3EHealth%20&%20Love%3C/p%3E", Out("url_escape", "<p>Health & Love</p>"));

    [Fact]
    public void UrlParamEscape_Ampersand_IsEscapedToo()
    {
        Assert.Equal("hey%3C%26%3Ehi", Out("url_param_escape", "hey<&>hi"));
        Assert.Equal("a%20b%26c=d", Out("url_param_escape", "a b&c=d"));
    }

    [Fact]
    public void UrlEscape_Unicode_EncodesUtf8Bytes() => Assert.Equal("caf%C3%A9", Out("url_escape", "café"));

    [Fact]
    public void PropertyAccessor_HashAndKey_ReturnsValue()
    {
        var hash = H(("key", "value"), ("n", 3L));
        Assert.Equal("value", Apply("property_accessor", hash, "key"));
        Assert.Equal(3L, Apply("property_accessor", hash, "n"));
        Assert.Null(Apply("property_accessor", hash, "missing"));
        Assert.Null(Apply("property_accessor", "not a hash", "key"));
    }

    [Theory]
    [InlineData(123456L, "123,456")]
    [InlineData(1234567L, "1,234,567")]
    [InlineData(123L, "123")]
    [InlineData(-1234567L, "-1,234,567")]
    [InlineData(1234567.891, "1,234,567.891")]
    [InlineData("123456", "123,456")]
    [InlineData("abc", "abc")]
    public void NumberWithDelimiter_Numbers_GroupThousands(object input, string expected) =>
        Assert.Equal(expected, Out("number_with_delimiter", input));

    [Fact]
    public void JsonEscape_QuotesBackslashesAndNewlines_AreEscaped() =>
        Assert.Equal("say \\\"hi\\\"\\n\\\\ é\\u0001", Out("json_escape", "say \"hi\"\n\\ é\u0001"));

    [Fact]
    public void TimeZone_NowInNewYork_ShiftsTheHour()
    {
        var context = new FilterTestContext(new DateTimeOffset(2024, 7, 1, 15, 30, 0, TimeSpan.Zero));
        var shifted = Apply(context, "time_zone", "now", "America/New_York");
        Assert.Equal("11", Apply(context, "date", shifted, "%H"));
        Assert.Equal("2024-07-01 11:30:00 -0400", LiquidValues.ToOutputString(shifted));
    }

    [Fact]
    public void TimeZone_WinterDate_UsesStandardOffset()
    {
        var shifted = Apply("time_zone", "2024-01-15 12:00:00 UTC", "America/Los_Angeles");
        Assert.Equal("04:00 -0800", Apply("date", shifted, "%H:%M %z"));
    }

    [Fact]
    public void TimeZone_UnknownZone_WarnsAndKeepsTime()
    {
        var context = new FilterTestContext();
        var result = Apply(context, "time_zone", "2024-01-15 12:00:00", "Mars/Olympus");
        Assert.Equal("12", Apply(context, "date", result, "%H"));
        Assert.Contains("unknown time zone 'Mars/Olympus'", Assert.Single(context.Warnings));
    }

    [Fact]
    public void Date_PercentS_GivesUnixSeconds() =>
        Assert.Equal("1592222400", Out("date", "2020-06-15 12:00:00 UTC", "%s"));

    [Fact]
    public void BrazeUnsupported_ListsBrazeDocumentedFilters()
    {
        foreach (var name in new[] { "lstrip", "rstrip", "pluralize", "camelize", "handleize", "find_index", "money_with_currency",
                     "money_without_currency", "highlight", "format_address", "color_to_rgb", "color_lighten", "font_url", "font_face" })
            Assert.Contains(name, BuiltInFilters.BrazeUnsupported);
        Assert.DoesNotContain("upcase", BuiltInFilters.BrazeUnsupported);
        Assert.DoesNotContain("md5", BuiltInFilters.BrazeUnsupported);
    }

    [Fact]
    public void BrazeUnsupported_EveryName_StillWorks()
    {
        foreach (var name in BuiltInFilters.BrazeUnsupported)
            Assert.True(BuiltInFilters.All.ContainsKey(name), $"{name} is not registered");
    }
}
