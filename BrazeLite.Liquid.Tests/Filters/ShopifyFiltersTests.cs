using static BrazeLite.Liquid.Tests.Filters.F;

namespace BrazeLite.Liquid.Tests.Filters;

public class ShopifyFiltersTests
{
    [Fact]
    public void Pluralize_CountOneAndMany_PicksForm()
    {
        Assert.Equal("item", Out("pluralize", 1L, "item", "items"));
        Assert.Equal("items", Out("pluralize", 3L, "item", "items"));
        Assert.Equal("items", Out("pluralize", 0L, "item", "items"));
    }

    [Fact]
    public void Handleize_Title_GivesHandle() => Assert.Equal("100-cotton-t-shirt", Out("handleize", "100% Cotton T-Shirt!"));

    [Fact]
    public void Camelize_DashedWords_GivesCamelCase() => Assert.Equal("ComingSoon", Out("camelize", "coming-soon"));

    [Fact]
    public void Highlight_Term_WrapsMatchesIgnoringCase() =>
        Assert.Equal("<strong class=\"highlight\">Blue</strong> and <strong class=\"highlight\">blue</strong>", Out("highlight", "Blue and blue", "blue"));

    [Fact]
    public void Money_Cents_FormatsDollars()
    {
        Assert.Equal("$1,234.50", Out("money", 123450L));
        Assert.Equal("$1.45 USD", Out("money_with_currency", 145L));
        Assert.Equal("1.45", Out("money_without_currency", 145L));
    }

    [Fact]
    public void ColorFilters_HexInput_ConvertAndAdjust()
    {
        Assert.Equal("rgb(122, 181, 92)", Out("color_to_rgb", "#7ab55c"));
        Assert.Equal("#7ab55c", Out("color_to_hex", "rgb(122, 181, 92)"));
        Assert.Equal("hsl(100, 38%, 54%)", Out("color_to_hsl", "#7ab55c"));
        Assert.Equal("#ffffff", Out("color_lighten", "#000000", 100L));
        Assert.Equal("255", Out("color_extract", "#ff0000", "red"));
        Assert.Equal("rgba(255, 0, 0, 0.5)", Out("color_modify", "#ff0000", "alpha", 0.5));
        Assert.Equal("21.0", Out("color_contrast", "#000000", "#ffffff"));
    }

    [Fact]
    public void FormatAddress_Hash_EscapesAndJoinsLines() =>
        Assert.Equal("<p>Ann Lee<br>1 Main &amp; Co<br>Ottawa ON K1A<br>Canada</p>",
            Out("format_address", H(("first_name", "Ann"), ("last_name", "Lee"), ("address1", "1 Main & Co"), ("city", "Ottawa"), ("province_code", "ON"), ("zip", "K1A"), ("country", "Canada"))));

    [Fact]
    public void FontFilters_PlainValue_WarnAndPassThrough()
    {
        var context = new FilterTestContext();
        Assert.Equal("x", Apply(context, "font_url", "x"));
        Assert.Single(context.Warnings);
    }
}
