using BrazeLite.Liquid;
using static BrazeLite.Liquid.Tests.Ruby.RubyLiquid;

namespace BrazeLite.Liquid.Tests.Ruby;

/// <summary>
/// What Ruby reads the same way in strict mode as in lax: include, render, tablerow and cycle parse the lax way
/// (tags/include.rb, render.rb, table_row.rb and cycle.rb: <c>strict_parse</c> is <c>lax_parse</c>), an empty output
/// renders nothing, and the loop drops' details (cycle_tag_test.rb, for_tag_test.rb, table_row_test.rb, trim_mode_test.rb,
/// raw_tag_test.rb, include_tag_test.rb).
/// </summary>
public class LenientTagTests
{
    [Theory]
    [InlineData("{% cycle 'a'  'b', 'c' %}{% cycle 'a'  'b', 'c' %}{% cycle 'a'  'b', 'c' %}", "aca")]
    [InlineData("{%- cycle \"1\", \"2\", -%}\n{%- cycle \"1\", \"2\", -%}\n{%- cycle \"1\", \"2\", -%}\n{%- cycle \"1\", -%}\n", "1211")]
    [InlineData("{% assign a = 'A' %}{% assign n = 'N' %}{% cycle name: 'a'  'b', 'c' %}", "a")]
    [InlineData("{% assign a = 'A' %}{% assign n = 'N' %}{% cycle n  e: 'a', 'b', 'c' %}", "N")]
    [InlineData("{% assign 5 = 'b' %}{% cycle .5, .4 %}", "b")]
    [InlineData("{% cycle .5: 'a', 'b' %}", "a")]
    [InlineData("{% cycle 'one', 'two', 'three' %}{% cycle 'one', 'two', 'three' %}", "onetwo")]
    public void Cycle_ParsesAsRubysRegexesDo(string source, string expected)
    {
        Assert.Equal(expected, Render(source));
        Assert.Equal(expected, Render(source, mode: LiquidErrorMode.Lax));
    }

    [Fact]
    public void Cycle_WithNothingToCycle_IsASyntaxError() =>
        Assert.Contains("Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]", ParseError("{% cycle %}"));

    [Theory]
    [InlineData("{% include \"p\" !!! x: 1 ~~~ y: 2 %}", "1-2")]
    [InlineData("{% render \"p\" !!! x: 1 ~~~ y: 2 %}", "1-2")]
    [InlineData("{% include 'p' junk, x: 'a' %}", "a-")]
    public void IncludeAndRender_SkipWhatTheyCannotRead(string source, string expected) =>
        Assert.Equal(expected, Render(source, partials: Partials(("p", "{{x}}-{{y}}"))));

    [Fact]
    public void Render_StillNeedsAQuotedName() =>
        Assert.Contains("Syntax error in tag 'render' - Template name must be a quoted string", ParseError("{% render p %}"));

    [Theory]
    [InlineData("{% include 123 %}")]
    [InlineData("{% include undefined_variable %}")]
    [InlineData("{% include nil %}")]
    public void Include_NameThatIsNotAString_IsRubysArgumentError(string source) =>
        Assert.Equal("Liquid error (line 1): Argument error in tag 'include' - Illegal template name", Render(source));

    [Fact]
    public void Tablerow_SkipsWhatItCannotRead() =>
        Assert.Equal("<tr class=\"row1\">\n</tr>\n", Render("{% tablerow i in (1..5) limit: foo=>bar %}{{ i }}{% endtablerow %}"));

    [Fact]
    public void Tablerow_WithoutCols_IsOneRowWhoseLastCellIsColLast() =>
        Assert.Equal("<tr class=\"row1\">\n<td class=\"col1\">false</td><td class=\"col2\">true</td></tr>\n",
            Render("{% tablerow i in (1..2) %}{{ tablerowloop.col_last }}{% endtablerow %}"));

    [Theory]
    [InlineData("{%for val in string%}{{forloop.name}}{%endfor%}", "val-string")]
    [InlineData("{% for i in (1..2) %}{{ forloop.name }}{% endfor %}", "i-(1..2)i-(1..2)")]
    [InlineData("{% assign items = \"a,b\" | split: \",\" %}{% for x in items reversed %}{{ forloop.name }}{% endfor %}", "x-itemsx-items")]
    public void Forloop_Name_IsTheVariableAndTheCollectionAsWritten(string source, string expected) =>
        Assert.Equal(expected, Render(source, """{"string":"test string"}"""));

    [Fact]
    public void Forloop_NameInRenderFor_IsThePartialsName() =>
        Assert.Equal("snippet;snippet;", Render("{% render 'snippet' for (1..2) %}", partials: Partials(("snippet", "{{ forloop.name }};"))));

    [Theory]
    [InlineData("{{}}|{{ }}", "|")]
    [InlineData("foo {{-}} bar", "foobar")]
    public void EmptyOutput_RendersNothing(string source, string expected) => Assert.Equal(expected, Render(source));

    [Theory]
    [InlineData("> {%- raw -%} inner {%- endraw %} <", "> inner  <")]
    [InlineData("> {%- raw -%} inner {%- endraw -%} <", "> inner <")]
    [InlineData("> {% raw -%} inner {%- endraw %} <", ">  inner  <")]
    public void Raw_ItsOwnWhitespaceControlNeverTrimsItsBody(string source, string expected) => Assert.Equal(expected, Render(source));
}
