using static BrazeLite.Liquid.Tests.Ruby.RubyLiquid;

namespace BrazeLite.Liquid.Tests.Ruby;

/// <summary>
/// Errors written inline are Ruby's own words with Ruby's prefix: <c>Liquid error (line N): ...</c>, the partial's name
/// before the line inside a partial (error_handling_test.rb, context.rb#handle_error, errors.rb#message_prefix).
/// </summary>
public class InlineErrorTests
{
    [Theory]
    [InlineData("line one\n{{ 10 | divided_by: 0 }}", "line one\nLiquid error (line 2): divided by 0")]
    [InlineData("{{ 1 | modulo: 0 }}", "Liquid error (line 1): divided by 0")]
    [InlineData("a\n{% if true %}\n  {{ 'x' | slice: 'a' }}\n{% endif %}", "a\n\n  Liquid error (line 3): invalid integer\n")]
    [InlineData("{{ 1 | plus }}", "Liquid error (line 1): wrong number of arguments (given 1, expected 2)")]
    [InlineData("{{ 'a' | truncate: 1, 2, 3 }}", "Liquid error (line 1): wrong number of arguments (given 4, expected 1..3)")]
    [InlineData("{{ 'a' | upcase: 1 }}", "Liquid error (line 1): wrong number of arguments (given 2, expected 1)")]
    [InlineData("{{ 'a' | replace }}", "Liquid error (line 1): wrong number of arguments (given 1, expected 2..3)")]
    [InlineData("{% if 1 > 'a' %}y{% endif %}z", "Liquid error (line 1): comparison of Integer with String failedz")]
    [InlineData("{% if 1.5 > 'a' %}y{% endif %}", "Liquid error (line 1): comparison of Float with String failed")]
    [InlineData("{% if 'a' < 1 %}y{% endif %}", "Liquid error (line 1): comparison of String with 1 failed")]
    [InlineData("{% if nil < 1 %}y{% endif %}ok", "ok")]
    public void Error_InTemplate_WrittenInRubysWordsWithItsLine(string source, string expected) =>
        Assert.Equal(expected, Render(source));

    [Fact]
    public void Error_InIncludedPartial_NamesThePartialBeforeTheLine()
    {
        // error_handling_test.rb#test_included_template_name_with_line_numbers
        var output = Render("Argument error:\n{% include 'product' %}", partials: Partials(("product", "{{ 1 | divided_by: 0 }}")));

        Assert.Equal("Argument error:\nLiquid error (product line 1): divided by 0", output);
    }

    [Fact]
    public void Error_InRenderedPartial_NamesTheInnermostPartial()
    {
        var partials = Partials(("outer", "{% render 'inner' %}"), ("inner", "\n\n{{ 1 | modulo: 0 }}"));

        Assert.Equal("\n\nLiquid error (inner line 3): divided by 0", Render("{% render 'outer' %}", partials: partials));
    }

    [Theory]
    [InlineData("{% include 'nope' %}x", "Liquid error (line 1): Could not find asset nopex")]
    [InlineData("{% render 'Nope' %}x", "Liquid error (line 1): Could not find asset Nopex")]
    [InlineData("{% include 'snippets/Card Footer' %}", "Liquid error (line 1): Could not find asset snippets/Card Footer")]
    public void MissingPartial_WrittenWithTheNameAsWritten(string source, string expected) =>
        Assert.Equal(expected, Render(source));

    [Fact]
    public void MissingPartial_Diagnostic_KeepsThePosition()
    {
        var error = Assert.Single(Result("{% include 'nope' %}").Errors);

        Assert.Equal("Liquid error: Could not find partial 'nope' at line 1, column 1", error.Message);
    }

    [Fact]
    public void Include_RecursingPastTheDepth_SaysNestingTooDeepInThePartial()
    {
        var output = Render("{% include 'loop' %}", partials: Partials(("loop", "{% include 'loop' %}")));

        Assert.Equal("Liquid error (loop line 1): Nesting too deep", output);
    }

    [Fact]
    public void SyntaxErrorInPartial_WrittenAsALiquidSyntaxErrorOfThePartialsLine()
    {
        var output = Render("x{% include 'p' %}y", partials: Partials(("p", "a\n{% if %}")));

        Assert.StartsWith("xLiquid syntax error (p line 2): ", output);
        Assert.EndsWith("y", output);
        Assert.DoesNotContain(" at line ", output);
    }

    [Fact]
    public void WithoutLineNumbers_ThePrefixIsPlain()
    {
        // error_handling_test.rb#test_standard_error: a template parsed without line_numbers.
        Assert.Equal(" Liquid error: divided by 0 ", Render(" {{ 1 | divided_by: 0 }} ", lineNumbers: false));
        Assert.Equal("Liquid error: divided by 0", Render("{% render 'p' %}", partials: Partials(("p", "{{ 1 | divided_by: 0 }}")), lineNumbers: false));
    }

    [Fact]
    public void EveryErrorOfARender_IsWrittenWhereItHappens()
    {
        var result = Result("{{ 5 | divided_by: 0 }} and {{ 10 | divided_by: 0 }}");

        Assert.Equal("Liquid error (line 1): divided by 0 and Liquid error (line 1): divided by 0", result.Output);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Contains("at line 1, column", e.Message));
    }
}
