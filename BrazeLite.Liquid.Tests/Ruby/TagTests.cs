using static BrazeLite.Liquid.Tests.Ruby.RubyLiquid;

namespace BrazeLite.Liquid.Tests.Ruby;

/// <summary>
/// Tags as Ruby has them: <c>ifchanged</c>, <c>doc</c>, <c>case</c> rendering a body once per matching value,
/// <c>increment</c>/<c>decrement</c> naming (also in <c>{% liquid %}</c>), and <c>render ... for ... as</c> with arguments
/// named like the alias (standard_tag_test.rb, increment_tag_test.rb, render_tag_test.rb, tags/case.rb, tags/doc.rb).
/// </summary>
public class TagTests
{
    [Theory]
    [InlineData("""{"array":[1,1,2,2,3,3]}""", "123")]
    [InlineData("""{"array":[1,1,1,1]}""", "1")]
    [InlineData("""{"array":[1,1,1,2,2,1]}""", "121")]
    public void IfChanged_WritesItsBodyOnlyWhenItChanged(string json, string expected) =>
        Assert.Equal(expected, Render("{%for item in array%}{%ifchanged%}{{item}}{% endifchanged %}{%endfor%}", json));

    [Fact]
    public void IfChanged_RemembersAcrossTheRenderAndItsPartials()
    {
        Assert.Equal("121|", Render("{% for item in array %}{% ifchanged %}{{item}}{% endifchanged %}{% endfor %}|{% ifchanged %}1{% endifchanged %}", """{"array":[1,2,1]}"""));
        Assert.Equal("a", Render("{% ifchanged %}a{% endifchanged %}{% render 'p' %}", partials: Partials(("p", "{% ifchanged %}a{% endifchanged %}"))));
    }

    [Theory]
    [InlineData("{% case 1 %}{% when 1 %}a{% when 1 %}b{% endcase %}", "ab")]
    [InlineData("{% case 1 %}{% when 1, 1 %}c{% endcase %}", "cc")]
    [InlineData("{% case 1 %}{% when 1 or 1 or 2 %}d{% else %}e{% endcase %}", "dd")]
    [InlineData("{% case 2 %}{% when 1 %}x{% else %}e1{% else %}e2{% endcase %}", "e1e2")]
    [InlineData("{% case 1 %}{% when 2 %}x{% else %}e1{% when 1 %}y{% else %}e2{% endcase %}", "e1y")]
    [InlineData("{% case 3 %}{% when 1, 2, 3 %} its 1 or 2 or 3 {% when 4 %} its 4 {% endcase %}", " its 1 or 2 or 3 ")]
    [InlineData("{% case 2 %}{% when 1, 2 %} {% assign r = \"result\" %} {% endcase %}{{ r }}", "result")]
    public void Case_RendersABodyForEveryMatchingWhenValue(string source, string expected) =>
        Assert.Equal(expected, Render(source));

    [Theory]
    [InlineData("{%increment port %} {{ port }}", null, "0 1")]
    [InlineData("{{port}} {%increment port %} {%increment port%} {{port}}", null, " 0 1 2")]
    [InlineData("{%increment port %} {%increment starboard%} {%increment port %} {%increment port%} {%increment starboard %}", null, "0 0 1 2 1")]
    // Template#render(hash) makes the hash the counters' environment, so a variable given to the render is where its
    // counter starts (increment_tag_test.rb's -1 comes from a helper that passes the variables elsewhere).
    [InlineData("{%decrement port %} {{ port }}", """{"port":10}""", "9 9")]
    [InlineData("{%decrement port %} {{ port }}", null, "-1 -1")]
    [InlineData("{{port}} {%decrement port %} {%decrement port%} {{port}}", null, " -1 -2 -2")]
    [InlineData("{% increment %}{% increment %}{% decrement %}", null, "011")]
    [InlineData("{% increment a b %}{% increment a b %}{{ a }}", null, "01")]
    [InlineData("{% liquid\nincrement\n%}", null, "0")]
    [InlineData("{%- liquid\n  increment a\n  increment a\n  decrement b\n  echo a\n-%}|{% increment a %}{% decrement a %}{% assign a = 10 %}{% increment a %}{{ a }}", null, "01-12|22210")]
    public void Counters_TakeTheirMarkupAsTheName(string source, string? json, string expected) =>
        Assert.Equal(expected, Render(source, json));

    [Theory]
    [InlineData("{% render 'p' for items as product, product: 'x' %}", null, "x-;")]
    [InlineData("{% render 'p' for items as product, product: 'x' %}", """{"items":["i1","i2"]}""", "i1-;i2-;")]
    [InlineData("{% render 'p' for items as product, other: 'o' %}", """{"items":["i1","i2"]}""", "i1-o;i2-o;")]
    [InlineData("{% render 'p' with 'w' as product, product: 'x' %}", null, "w-;")]
    [InlineData("{% render 'p', product: 'x' %}", null, "x-;")]
    public void RenderForAs_TheAliasWinsOverAnArgumentOfItsName(string source, string? json, string expected) =>
        Assert.Equal(expected, Render(source, json, Partials(("p", "{{ product }}-{{ other }};"))));

    [Theory]
    [InlineData("a{% doc %}x{% enddoc %}b", "ab")]
    [InlineData("a{% doc %}{{ not parsed | nosuch }} {% if %}{% enddoc %}b", "ab")]
    [InlineData("a{%- doc -%} x {%- enddoc -%} b", "ab")]
    public void Doc_RendersNothingAndIsNotParsed(string source, string expected) => Assert.Equal(expected, Render(source));

    [Theory]
    [InlineData("{% doc %}{% doc %}{% enddoc %}{% enddoc %}", "Syntax Error in 'doc' - Nested doc tags are not allowed")]
    [InlineData("{% doc x %}{% enddoc %}", "Syntax Error in 'doc' - Valid syntax: {% doc %}{% enddoc %}")]
    [InlineData("{% doc %}", "'doc' tag was never closed")]
    public void Doc_Malformed_IsASyntaxError(string source, string message) => Assert.Contains(message, ParseError(source));
}
