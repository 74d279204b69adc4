using BrazeLite.Liquid;
using static BrazeLite.Liquid.Tests.LiquidTestSupport;

namespace BrazeLite.Liquid.Tests;

public sealed class LiquidEngineTests
{
    [Theory]
    [InlineData("{% if a and b or c %}y{% else %}n{% endif %}", false, false, true, "n")]   // a and (b or c)
    [InlineData("{% if a or b and c %}y{% else %}n{% endif %}", true, false, false, "y")]  // a or (b and c)
    [InlineData("{% if a and b and c %}y{% else %}n{% endif %}", true, true, true, "y")]
    public void If_AndOr_EvaluatesRightToLeft(string template, bool a, bool b, bool c, string expected)
    {
        Assert.Equal(expected, Output(template, Vars(("a", a), ("b", b), ("c", c))));
    }

    [Fact]
    public void If_ElsifChain_RendersFirstTrueBranch()
    {
        const string t = "{% if n > 10 %}big{% elsif n > 5 %}mid{% else %}small{% endif %}";
        Assert.Equal("mid", Output(t, Vars(("n", 7))));
        Assert.Equal("small", Output(t, Vars(("n", 1))));
    }

    [Fact]
    public void Unless_FalseCondition_RendersBody()
    {
        Assert.Equal("shown", Output("{% unless vip %}shown{% endunless %}", Vars(("vip", false))));
    }

    [Fact]
    public void Case_WhenWithCommaAndOr_MatchesAnyValue()
    {
        const string t = "{% case x %}{% when 1, 2 %}low{% when 3 or 4 %}mid{% else %}other{% endcase %}";
        Assert.Equal("low", Output(t, Vars(("x", 2))));
        Assert.Equal("mid", Output(t, Vars(("x", 4))));
        Assert.Equal("other", Output(t, Vars(("x", 9))));
    }

    [Fact]
    public void For_LimitOffsetReversed_SlicesThenReverses()
    {
        Assert.Equal("432", Output("{% for i in (1..6) limit: 3 offset: 1 reversed %}{{ i }}{% endfor %}"));
    }

    [Fact]
    public void For_ForloopAndParentloop_ExposeLoopState()
    {
        const string t = "{% for a in (1..2) %}{% for b in (1..2) %}{{ forloop.parentloop.index }}{{ forloop.index }}{% if forloop.last %};{% endif %}{% endfor %}{% endfor %}";
        Assert.Equal("1112;2122;", Output(t));
    }

    [Fact]
    public void For_BreakAndContinue_ControlTheLoop()
    {
        Assert.Equal("124", Output("{% for i in (1..10) %}{% if i == 3 %}{% continue %}{% endif %}{% if i == 5 %}{% break %}{% endif %}{{ i }}{% endfor %}"));
    }

    [Fact]
    public void For_EmptyCollection_RendersElse()
    {
        Assert.Equal("none", Output("{% for x in items %}{{ x }}{% else %}none{% endfor %}", Vars(("items", new List<object?>()))));
    }

    [Fact]
    public void For_OffsetContinue_ResumesWhereThePreviousLoopStopped()
    {
        Assert.Equal("12|34", Output("{% for i in (1..5) limit: 2 %}{{ i }}{% endfor %}|{% for i in (1..5) limit: 2 offset: continue %}{{ i }}{% endfor %}"));
    }

    [Fact]
    public void VariableTags_AssignCaptureIncrementDecrement_BehaveAsLiquid()
    {
        const string t = "{% assign x = 'a' | upcase %}{% capture y %}[{{ x }}]{% endcapture %}{{ y }}{% increment c %}{% increment c %}{% decrement d %}";
        Assert.Equal("[A]01-1", Output(t));
    }

    [Fact]
    public void Cycle_NamedGroups_CountSeparately()
    {
        const string t = "{% for i in (1..3) %}{% cycle 'g1': 'a', 'b' %}{% cycle 'g2': 'x', 'y', 'z' %}{% endfor %}";
        Assert.Equal("axbyaz", Output(t));
    }

    [Fact]
    public void CommentTags_CommentRawInline_HideOrKeepMarkupVerbatim()
    {
        Assert.Equal("a{{ x }}b", Output("a{% comment %}{{ hidden }}{% endcomment %}{% raw %}{{ x }}{% endraw %}{% # note %}b"));
    }

    [Fact]
    public void LiquidTag_MultiLine_RunsEachLineAsATag()
    {
        const string t = "{% liquid\n  assign n = 3\n  for i in (1..n)\n    echo i\n  endfor\n%}";
        Assert.Equal("123", Output(t));
    }

    [Fact]
    public void Tablerow_Cols_WrapsRows()
    {
        var output = Output("{% tablerow i in (1..3) cols: 2 %}{{ i }}{% endtablerow %}");
        Assert.Equal("<tr class=\"row1\">\n<td class=\"col1\">1</td><td class=\"col2\">2</td></tr>\n<tr class=\"row2\"><td class=\"col1\">3</td></tr>\n", output);
    }

    [Fact]
    public void WhitespaceControl_DashMarkers_StripAdjacentWhitespace()
    {
        Assert.Equal("[x]", Output("[  {%- if true -%}\n  x\n  {%- endif -%}  ]"));
        Assert.Equal("ab", Output("a  \n {{- '' -}} \n b"));
    }

    [Fact]
    public void Lookups_BracketsDotsAndCommands_Resolve()
    {
        var vars = Vars(("user", new Dictionary<string, object?> { ["tags"] = new List<object?> { "x", "y", "z" }, ["key"] = "tags" }));
        Assert.Equal("x z 3 y 3", Output("{{ user.tags.first }} {{ user.tags.last }} {{ user.tags.size }} {{ user[user.key][1] }} {{ user['tags'] | size }}", vars));
    }

    [Fact]
    public void Output_HashAndFloat_PrintAsRuby()
    {
        var vars = Vars(("h", new Dictionary<string, object?> { ["foo"] = "bar" }), ("f", 1.0));
        Assert.Equal("{\"foo\"=>\"bar\"} 1.0", Output("{{ h }} {{ f }}", vars));
    }

    [Fact]
    public void IncludeAndRender_ScopeRules_Differ()
    {
        var partials = new Dictionary<string, string> { ["p"] = "{{ x }}{% assign leaked = 1 %}" };
        Assert.Equal("outer1", Output("{% assign x = 'outer' %}{% include 'p' %}{{ leaked }}", partials: partials));
        Assert.Equal("inner", Output("{% assign x = 'outer' %}{% render 'p', x: 'inner' %}{{ leaked }}", partials: partials));
    }

    [Fact]
    public void Render_ForAlias_RendersEachItemWithForloop()
    {
        var partials = new Dictionary<string, string> { ["item"] = "{{ forloop.index }}:{{ p }} " };
        Assert.Equal("1:a 2:b ", Output("{% render 'item' for list as p %}", Vars(("list", new List<object?> { "a", "b" })), partials));
    }

    [Fact]
    public void Parse_Template_IsSharedSafelyAcrossThreads()
    {
        var template = ParseOk("{% for i in (1..50) %}{{ name }}{% endfor %}");
        var outputs = Enumerable.Range(0, 16).AsParallel()
            .Select(i => template.Render(Vars(("name", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).Output)
            .ToList();
        for (var i = 0; i < 16; i++)
            Assert.Contains(string.Concat(Enumerable.Repeat(i.ToString(System.Globalization.CultureInfo.InvariantCulture), 50)), outputs);
    }

    [Fact]
    public void Parse_UnclosedBlock_ReportsTagLineAndColumn()
    {
        var parsed = LiquidTemplate.Parse("a\n  {% if x %}b");
        var error = Assert.Single(parsed.Errors);
        Assert.Equal((2, 3), (error.Line, error.Column));
        Assert.Contains("'if' tag was never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownTag_IsAnErrorWithPosition()
    {
        var error = Assert.Single(LiquidTemplate.Parse("x\n{% frobnicate %}").Errors);
        Assert.Equal("Liquid syntax error: Unknown tag 'frobnicate' at line 2, column 1", error.Message);
    }

    [Fact]
    public void Parse_SeveralBadTags_ReportsEachOne()
    {
        var parsed = LiquidTemplate.Parse("{{ a | }}\n{% assign %}\n{{ b ! }}");
        Assert.Equal([1, 2, 3], parsed.Errors.Select(e => e.Line));
    }

    [Theory]
    [InlineData("{% if a b %}x{% endif %}")]
    [InlineData("{% for in items %}x{% else %}y{% endfor %}")]
    [InlineData("{% case x %}{% when 1 2 %}x{% endcase %}")]
    public void Parse_BadBlockHeader_ReportsOneErrorNotAlsoItsEndTag(string source)
    {
        var error = Assert.Single(LiquidTemplate.Parse(source).Errors);
        Assert.StartsWith("Liquid syntax error: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LaxMode_ToleratesMalformedMarkup()
    {
        var template = ParseOk("{{ 'hello' || upcase }}", new LiquidParseOptions { ErrorMode = LiquidErrorMode.Lax });
        Assert.Equal("HELLO", template.Render().Output);
    }

    [Fact]
    public void Render_FilterError_RaisedStopsWithPosition()
    {
        var r = Render("ok\n{{ 1 | divided_by: 0 }} never");
        Assert.Equal("ok\n", r.Output);
        var e = Assert.Single(r.Errors);
        Assert.Equal("Liquid error: divided by 0 at line 2, column 8", e.Message);
        Assert.Equal((2, 8), (e.Line, e.Column));
    }

    [Fact]
    public void Render_FilterError_InlineWritesItAndGoesOn()
    {
        var r = Render("{{ 1 | divided_by: 0 }} after", options: new LiquidRenderOptions { InlineErrors = true });
        Assert.Equal("Liquid error (line 1): divided by 0 after", r.Output);
        Assert.Equal("Liquid error: divided by 0 at line 1, column 8", Assert.Single(r.Errors).Message);
    }

    [Fact]
    public void Render_ErrorInPartial_NamesThePartial()
    {
        var r = Render("{% render 'calc' %}", partials: new Dictionary<string, string> { ["calc"] = "\n{{ 1 | modulo: 0 }}" });
        var e = Assert.Single(r.Errors);
        Assert.Equal("calc", e.Source);
        Assert.Contains("at line 2, column 8 in 'calc'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ComparisonOfIncompatibleTypes_IsARenderError()
    {
        var r = Render("{% if 1 < 'a' %}x{% endif %}");
        Assert.Contains("comparison of Integer with String failed", Assert.Single(r.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CancelledByCaller_Throws()
    {
        var template = ParseOk("{% for i in (1..10) %}{{ i }}{% endfor %}");
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => template.Render((LiquidRenderContext?)null, null, cts.Token));
    }
}
