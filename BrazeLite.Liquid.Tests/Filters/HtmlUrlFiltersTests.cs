using BrazeLite.Liquid;
using static BrazeLite.Liquid.Tests.Filters.F;

namespace BrazeLite.Liquid.Tests.Filters;

public class HtmlUrlFiltersTests
{
    [Fact]
    public void Escape_SpecialCharacters_BecomeEntities()
    {
        Assert.Equal("&lt;p&gt;Tom &amp; &quot;Jerry&quot; &#39;s&lt;/p&gt;", Out("escape", "<p>Tom & \"Jerry\" 's</p>"));
        Assert.Null(Apply("escape", null));
        Assert.Equal("1", Out("h", 1L));
    }

    [Fact]
    public void EscapeOnce_ExistingEntities_AreKept() =>
        Assert.Equal("&lt;b&gt; &amp; &amp; &#39; &amp;x", Out("escape_once", "<b> & &amp; &#39; &x"));

    [Fact]
    public void UrlEncode_Text_IsCgiEscaped()
    {
        Assert.Equal("john%40liquid.com", Out("url_encode", "john@liquid.com"));
        Assert.Equal("Tetsuro+Takara", Out("url_encode", "Tetsuro Takara"));
        Assert.Equal("a-_.~%2F%C3%A9", Out("url_encode", "a-_.~/é"));
        Assert.Null(Apply("url_encode", null));
    }

    [Fact]
    public void UrlDecode_Text_IsCgiUnescaped()
    {
        Assert.Equal("'Stop!' said Fred", Out("url_decode", "%27Stop%21%27+said+Fred"));
        Assert.Equal("é 100%", Out("url_decode", "%C3%A9+100%"));
        Assert.Equal("invalid byte sequence in UTF-8", Assert.Throws<LiquidFilterException>(() => Apply("url_decode", "%FF")).Message);
    }

    [Fact]
    public void StripHtml_TagsScriptsStylesComments_AreRemoved() =>
        Assert.Equal("Hello World!", Out("strip_html", "<p class=\"x\">Hello <b>World</b></p><script>alert(1)</script><style>p{}</style><!-- c -->!"));
}
