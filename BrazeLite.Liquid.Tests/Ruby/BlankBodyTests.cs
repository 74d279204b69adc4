using static BrazeLite.Liquid.Tests.Ruby.RubyLiquid;

namespace BrazeLite.Liquid.Tests.Ruby;

/// <summary>
/// Blank bodies render nothing, and an error caught at a blank tag is recorded but not written (blank_test.rb,
/// block_body.rb#rescue_render_node, error_handling_test.rb#test_bug_compatible_silencing_of_errors_in_blank_nodes).
/// </summary>
public class BlankBodyTests
{
    private const int N = 10;

    private static string WrapInFor(string body) => $"{{% for i in (1..{N}) %}}{body}{{% endfor %}}";

    private static string Wrap(string body) => WrapInFor(body) + $"{{% if true %}}{body}{{% endif %}}";

    private static string Times(string s, int n) => string.Concat(Enumerable.Repeat(s, n));

    [Theory]
    [InlineData(" ")]
    [InlineData("\t")]
    [InlineData(" {% comment %} whatever {% endcomment %} ")]
    [InlineData(" {% capture foo %} whatever {% endcapture %} ")]
    [InlineData(" {% assign foo = \"bar\" %} ")]
    [InlineData(" {% # a note %} ")]
    [InlineData(" {% doc %}{% enddoc %} ")]
    [InlineData(" {% unless true %} {% endunless %} ")]
    [InlineData(" {% if true %} {% elsif false %} {% else %} {% endif %} ")]
    [InlineData(" {% assign foo = 'bar' %} {% case foo %} {% when 'bar' %} {% when 'whatever' %} {% else %} {% endcase %} ")]
    [InlineData(" {% assign foo = 'else' %} {% case foo %} {% when 'bar' %} {% when 'whatever' %} {% else %} {% endcase %} ")]
    public void BlankBody_RendersNothing(string body)
    {
        Assert.Equal("", Render(Wrap(body)));
        Assert.Equal("", Render(Wrap(Wrap(body))));
    }

    [Theory]
    [InlineData(" x ", " x ")]
    [InlineData(" {% if false %} this never happens, but still, this block is not blank {% endif %}", " ")]
    [InlineData(" {% raw %} {% endraw %}", "  ")]
    [InlineData(" {% doc %}a note{% enddoc %}", " ")]
    [InlineData(" {% assign foo = 'else' %} {% case foo %} {% when 'bar' %} {% when 'whatever' %} {% else %} x {% endcase %} ", "   x  ")]
    public void BodyWithSomethingToShow_KeepsItsWhitespace(string body, string once) =>
        Assert.Equal(Times(once, N + 1), Render(Wrap(body)));

    [Fact]
    public void IncrementAndCycle_AreNotBlank()
    {
        Assert.Equal(Times(" 0", 2 * (N + 1)), Render(Wrap("{% assign foo = 0 %} {% increment foo %} {% decrement foo %}")));
        Assert.Equal(Times("  ", (N + 1) / 2) + " ", Render(Wrap("{% cycle ' ', ' ' %}")));
    }

    [Fact]
    public void Include_IsNotBlank()
    {
        Assert.Equal(Times("foobar", N + 1), Render(Wrap("{% include 'foobar' %}"), partials: Partials(("foobar", "foobar"))));
        Assert.Equal(Times("   ", N + 1), Render(Wrap(" {% include ' ' %} "), partials: Partials((" ", " "))));
    }

    [Fact]
    public void ErrorInTheConditionOfABlankBlock_IsRecordedNotWritten()
    {
        var notBlank = Result("{% assign x = 0 %}{% if 1 < '2' %}not blank{% assign x = 3 %}{% endif %}{{ x }}");
        Assert.Equal("Liquid error (line 1): comparison of Integer with String failed0", notBlank.Output);

        var blank = Result("{% assign x = 0 %}{% if 1 < '2' %}{% assign x = 3 %}{% endif %}{{ x }}");
        Assert.Equal("0", blank.Output);
        Assert.Contains("comparison of Integer with String failed", Assert.Single(blank.Errors).Message);
    }

    [Fact]
    public void ABlankBlockWithANonBlankElse_WritesItsError() =>
        Assert.Equal("aLiquid error (line 1): comparison of Integer with String failedb", Render("a{% if 1 > 'a' %} {% else %}no{% endif %}b"));

    [Theory]
    [InlineData("a{% assign x = 1 | divided_by: 0 %}b{{ x }}", "ab")]
    [InlineData("a{% for i in (1..2) %} {% assign x = 1 | divided_by: 0 %} {% endfor %}b", "ab")]
    [InlineData("a{% unless 1 > 'a' %} {% endunless %}b", "ab")]
    public void ErrorInAssign_IsSwallowedFromTheOutput(string source, string expected)
    {
        var result = Result(source);
        Assert.Equal(expected, result.Output);
        Assert.NotEmpty(result.Errors);
    }

    [Fact]
    public void ErrorInsideCapture_IsWrittenIntoTheCapturedText() =>
        Assert.Equal("abLiquid error (line 1): divided by 0", Render("a{% capture x %}{{ 1 | divided_by: 0 }}{% endcapture %}b{{ x }}"));
}
