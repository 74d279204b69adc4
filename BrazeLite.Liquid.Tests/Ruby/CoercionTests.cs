using static BrazeLite.Liquid.Tests.Ruby.RubyLiquid;

namespace BrazeLite.Liquid.Tests.Ruby;

/// <summary>
/// Ruby's conversions where Liquid leaves them to Ruby: tablerow's <c>to_i</c> (table_row.rb, table_row_test.rb), range
/// bounds (range_lookup.rb), and <c>first</c>, <c>last</c> and <c>size</c> as properties (variable_lookup.rb) and as
/// filters (standardfilters.rb).
/// </summary>
public class CoercionTests
{
    private const string TwoPerRow = "<tr class=\"row1\">\n<td class=\"col1\">1</td><td class=\"col2\">2</td></tr>\n<tr class=\"row2\"><td class=\"col1\">3</td><td class=\"col2\">4</td></tr>\n";
    private const string OneRow = "<tr class=\"row1\">\n<td class=\"col1\">1</td><td class=\"col2\">2</td><td class=\"col3\">3</td><td class=\"col4\">4</td></tr>\n";

    [Theory]
    [InlineData("cols:\"2\"", TwoPerRow)]
    [InlineData("cols:\"2a\"", TwoPerRow)]
    [InlineData("cols:2.7", TwoPerRow)]
    [InlineData("cols:\"a\"", OneRow)]
    [InlineData("cols:nil", OneRow)]
    [InlineData("offset:\"x\" limit:\"2a\"", "<tr class=\"row1\">\n<td class=\"col1\">1</td><td class=\"col2\">2</td></tr>\n")]
    [InlineData("limit:nil", "<tr class=\"row1\">\n</tr>\n")]
    public void Tablerow_ColsLimitOffset_TakeRubysToI(string attributes, string expected) =>
        Assert.Equal(expected, Render($"{{% tablerow i in (1..4) {attributes} %}}{{{{ i }}}}{{% endtablerow %}}"));

    [Theory]
    [InlineData("limit:true")]
    [InlineData("offset:true")]
    [InlineData("cols:true")]
    public void Tablerow_ValueWithoutToI_IsAnInvalidInteger(string attributes) =>
        // table_row_test.rb#test_table_row_renders_correct_error_message_for_invalid_parameters
        Assert.Equal("Liquid error (line 1): invalid integer", Render($"{{% tablerow n in (1..10) {attributes} %}} {{{{n}}}} {{% endtablerow %}}"));

    [Fact]
    public void Tablerow_NilCols_IsTheSameAsAnEvaluatedNil()
    {
        const string expected = "<tr class=\"row1\">\n<td class=\"col1\">false</td><td class=\"col2\">false</td></tr>\n";
        Assert.Equal(expected, Render("{% tablerow i in (1..2) cols:nil %}{{ tablerowloop.col_last }}{% endtablerow %}"));
        Assert.Equal(expected, Render("{% tablerow i in (1..2) cols:var %}{{ tablerowloop.col_last }}{% endtablerow %}", """{"var":null}"""));
    }

    [Fact]
    public void ForLoop_LimitAndOffset_StayStrict()
    {
        Assert.Equal("23", Render("{% for i in (1..5) limit:\"2\" offset:\"1\" %}{{ i }}{% endfor %}"));
        Assert.Equal("Liquid error (line 1): invalid integer", Render("{% for i in (1..5) limit:\"x\" %}{{ i }}{% endfor %}"));
        Assert.Equal("Liquid error (line 1): invalid integer", Render("{% for i in (1..5) limit:n %}{{ i }}{% endfor %}", """{"n":2.7}"""));
    }

    [Theory]
    [InlineData("{% for i in (1.9..3.1) %}{{ i }}{% endfor %}", "123")]
    [InlineData("{{ (1.5..3.5) }}", "1..3")]
    [InlineData("{% for i in (\"1\"..\"3\") %}{{ i }}{% endfor %}", "123")]
    [InlineData("{% for i in (s..4) %}{{ i }}{% endfor %}", "234")]
    [InlineData("{% for i in (t..2) %}{{ i }}{% endfor %}", "012")]
    [InlineData("{% for i in (nil..2) %}{{ i }}{% endfor %}", "012")]
    [InlineData("{% for i in (f..g) %}{{ i }}{% endfor %}", "Liquid error (line 1): invalid integer")]
    [InlineData("{% for i in (1..two) %}{{ i }}{% endfor %}", "Liquid error (line 1): invalid integer")]
    [InlineData("{% for i in (1.5..s) %}{{ i }}{% endfor %}", "Liquid error (line 1): invalid integer")]
    [InlineData("{{ (f..g) }}", "Liquid error (line 1): invalid integer")]
    public void RangeBounds_LiteralFloatsTruncateFloatVariablesFail(string source, string expected) =>
        Assert.Equal(expected, Render(source, """{"f":1.5,"g":3.9,"two":2.0,"s":"2","t":"x"}"""));

    [Theory]
    [InlineData("{{ s.first }}|{{ s.last }}|{{ s.size }}", "h|o|5")]
    [InlineData("{{ s | first }}|{{ s | last }}|{{ s | size }}", "h|o|5")]
    [InlineData("{{ e.first }}|{{ e | last }}|{{ e.size }}", "||0")]
    [InlineData("{{ u | first }}{{ u.last }}", "😀é")]
    [InlineData("{{ n.size }}|{{ n | size }}|{{ n.first }}|{{ n | first }}", "8|8||")]
    [InlineData("{{ f.size }}|{{ f | size }}|{{ nil | size }}|{{ true | size }}", "|0|0|0")]
    [InlineData("{{ h.size }}|{{ h | size }}|{{ h.first }}|{{ h | first }}|{{ h.last }}", "2|2|a1|a1|")]
    [InlineData("{{ hf.first }}|{{ hf.size }}|{{ hf | size }}", "F|S|2")]
    [InlineData("{% assign r = (1..3) %}{{ r.size }}|{{ r.first }}|{{ r.last }}", "3|1|3")]
    public void FirstLastSize_AsPropertiesAndAsFilters(string source, string expected) =>
        Assert.Equal(expected, Render(source, """{"s":"hello","e":"","u":"😀xé","n":12345,"f":1.5,"h":{"a":1,"b":2},"hf":{"first":"F","size":"S"}}"""));
}
