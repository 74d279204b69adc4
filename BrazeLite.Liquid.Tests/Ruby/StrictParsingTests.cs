using BrazeLite.Liquid;
using static BrazeLite.Liquid.Tests.Ruby.RubyLiquid;

namespace BrazeLite.Liquid.Tests.Ruby;

/// <summary>
/// The syntaxes only lax mode reads: strict mode rejects them with Ruby's texts (parser.rb, lexer.rb,
/// parser_switching.rb#markup_context; error_handling_test.rb, parsing_quirks_test.rb), and lax mode reads them as Ruby's
/// regexes do. Messages keep the engine's position after Ruby's words.
/// </summary>
public class StrictParsingTests
{
    [Theory]
    // parenthesised assigns and values
    [InlineData("{% assign x = (\"a\") %}", "Expected dotdot but found close_round in \"x = (\"a\")\"")]
    [InlineData("{% assign y = (x) %}", "Expected dotdot but found close_round in \"y = (x)\"")]
    [InlineData("{% if (x == 3) %}b{% endif %}", "Expected dotdot but found comparison in \"(x == 3)\"")]
    [InlineData("{% if a == 'foo' or (b == 'bar' and c == 'baz') or false %} YES {% endif %}", "Expected dotdot but found comparison in \"a == 'foo' or (b == 'bar' and c == 'baz') or false\"")]
    [InlineData("{% for i in (1..x %}{{ i }}{% endfor %}", "Expected close_round but found end_of_string in \"i in (1..x\"")]
    // stray minus signs
    [InlineData("{{ -x }}", "[:dash, \"-\"] is not a valid expression in \"{{ -x }}\"")]
    [InlineData("{{ - 1 }}", "[:dash, \"-\"] is not a valid expression in \"{{ - 1 }}\"")]
    [InlineData("{{ 1 - 2 }}", "Expected end_of_string but found dash in \"{{ 1 - 2 }}\"")]
    [InlineData("{% assign x = -y %}", "[:dash, \"-\"] is not a valid expression in \"x = -y\"")]
    [InlineData("{{ x | plus: - 1 }}", "[:dash, \"-\"] is not a valid expression in \"{{ x | plus: - 1 }}\"")]
    [InlineData("{{ a.-b }}", "Expected id but found dash in \"{{ a.-b }}\"")]
    // unclosed bracket lookups
    [InlineData("{{ a[ }}", "[:end_of_string] is not a valid expression in \"{{ a[ }}\"")]
    [InlineData("{{ a['b' }}", "Expected close_square but found end_of_string in \"{{ a['b' }}\"")]
    [InlineData("{{ a[0 }}", "Expected close_square but found end_of_string in \"{{ a[0 }}\"")]
    // characters Ruby's lexer has no token for, and incomplete expressions
    [InlineData(" {% if 1 =! 2 %}ok{% endif %} ", "Unexpected character = in \"1 =! 2\"")]
    [InlineData("{{%%%}}", "Unexpected character % in \"{{%%%}}\"")]
    [InlineData("{% if true && false %} YES {% endif %}", "Unexpected character & in \"true && false\"")]
    [InlineData("{% if a ! b %}x{% endif %}", "Unexpected character ! in \"a ! b\"")]
    [InlineData("{{ 'abc }}", "Unexpected character ' in \"{{ 'abc }}\"")]
    [InlineData("{% if false || true %} YES {% endif %}", "Expected end_of_string but found pipe in \"false || true\"")]
    [InlineData("{{|test}}", "[:pipe, \"|\"] is not a valid expression in \"{{|test}}\"")]
    [InlineData("{{test |a|b|}}", "Expected id but found end_of_string in \"{{test |a|b|}}\"")]
    [InlineData("{{ a | plus: }}", "[:end_of_string] is not a valid expression in \"{{ a | plus: }}\"")]
    [InlineData("{% if x == %}a{% endif %}", "[:end_of_string] is not a valid expression in \"x ==\"")]
    [InlineData("{{ a.b. }}", "Expected id but found end_of_string in \"{{ a.b. }}\"")]
    public void Strict_LaxOnlySyntax_IsRejectedInRubysWords(string source, string ruby)
    {
        var message = ParseError(source);

        Assert.StartsWith("Liquid syntax error: " + ruby + " at line 1, column ", message);
    }

    [Theory]
    [InlineData("{% assign y = (\"a\") %}[{{ y }}]{% assign z = (x) %}[{{ z }}]{% assign w = (1..x) %}[{{ w }}]{% assign v = (x | plus: 1) %}[{{ v }}]", "[{\"b\"=>\"B\", \"c\"=>{\"d\"=>\"D\"}}][3][1..3][3]")]
    [InlineData("{% if x == (3) %}a{% endif %}|{{ (x) }}|{% for i in (1..x %}{{ i }}{% endfor %}|{% for i in (1...5) %}{{ i }}{% endfor %}", "|3||12345")]
    [InlineData("{{ -x }}|{{ - 1 }}|{{ x - 1 }}|{{ -x | plus: 1 }}|{% assign m = -x %}[{{ m }}]|{% if -x %}t{% endif %}|{{ x | plus: - 1 }}", "||3|1|[]||3")]
    [InlineData("{{ a['b' }}|{{ a[ }}|{{ a['c']['d' }}|{{ a.c['d' }}", "B|{\"b\"=>\"B\", \"c\"=>{\"d\"=>\"D\"}}|D|D")]
    [InlineData("{% if a == 'foo' or (b == 'bar' and c == 'baz') or false %} YES {% endif %}", " YES ")]
    [InlineData("{% if true && false %} YES {% endif %}|{% if false || true %} YES {% endif %}", " YES |")]
    [InlineData("{{ false - }}|{{ false > }}|{{ false < }}|{{ false = }}|{{ false ! }}|{{ false 1 }}|{{ false a }}", "false|false|false|false|false|false|false")]
    [InlineData("{% liquid assign foo = false -\n%}{{ foo }}|{% liquid assign foo = false =\n%}{{ foo }}", "false|false")]
    [InlineData("{{|test|}}{{test |a|b|}}", "")]
    public void Lax_ReadsThemAsRubysRegexesDo(string source, string expected) =>
        Assert.Equal(expected, Render(source, """{"x":3,"b":"bar","c":"baz","a":{"b":"B","c":{"d":"D"}}}""", mode: LiquidErrorMode.Lax));
}
