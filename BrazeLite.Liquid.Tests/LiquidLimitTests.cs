using BrazeLite.Liquid;
using static BrazeLite.Liquid.Tests.LiquidTestSupport;

namespace BrazeLite.Liquid.Tests;

/// <summary>Hostile templates end with an error naming the limit; none may take the process down.</summary>
public sealed class LiquidLimitTests
{
    [Fact]
    public void HugeRange_WithBreak_RendersOnceWithoutAllocatingTheRange()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var r = Render("{% for i in (1..50000000) %}{{ i }}{% break %}{% endfor %}");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("1", r.Output);
        Assert.Empty(r.Errors);
        Assert.True(allocated < 5_000_000, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void HugeRange_WithBody_StoppedByStepLimit()
    {
        var r = Render("{% for i in (1..50000000) %}x{% endfor %}");
        var e = Assert.Single(r.Errors);
        Assert.Contains("render step limit exceeded: more than 100,000 steps (MaxSteps)", e.Message, StringComparison.Ordinal);
        Assert.True(r.Output.Length < 100_000);
    }

    [Fact]
    public void Range_WidestPossible_LoopsWithoutOverflow()
    {
        Assert.Equal("-9223372036854775807", Output("{% for i in (-9223372036854775807..9223372036854775807) %}{{ i }}{% break %}{% endfor %}"));
    }

    [Fact]
    public void HugeRange_ForloopLength_IsComputedNotMaterialised()
    {
        Assert.Equal("50000000", Output("{% for i in (1..50000000) %}{{ forloop.length }}{% break %}{% endfor %}"));
    }

    [Fact]
    public void Include_EndlessRecursion_StoppedByPartialDepth()
    {
        var r = Render("{% include 'loop' %}", partials: new Dictionary<string, string> { ["loop"] = "a{% include 'loop' %}" });
        Assert.Contains("Nesting too deep: more than 100 nested include/render (MaxPartialDepth)", Assert.Single(r.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(new string('a', 100), r.Output);
    }

    [Fact]
    public void RenderTag_EndlessRecursion_StoppedByPartialDepth()
    {
        var r = Render("{% render 'loop' %}", partials: new Dictionary<string, string> { ["loop"] = "{% render 'loop' %}" });
        Assert.Contains("(MaxPartialDepth)", Assert.Single(r.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_DeepNestingThroughRecursion_EndsWithAnErrorNotACrash()
    {
        var body = string.Concat(Enumerable.Repeat("{% if true %}", 99)) + "{% include 'p' %}" + string.Concat(Enumerable.Repeat("{% endif %}", 99));
        var r = Render("{% include 'p' %}", partials: new Dictionary<string, string> { ["p"] = body });
        Assert.Contains("Nesting too deep", Assert.Single(r.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Partial_WithSyntaxError_IsARenderErrorNamingThePartial()
    {
        var r = Render("{% include 'bad' %}", partials: new Dictionary<string, string> { ["bad"] = "{% if %}" });
        Assert.StartsWith("Liquid error: syntax error in partial 'bad':", Assert.Single(r.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_Huge_StoppedByOutputLimit()
    {
        var r = Render("{% for i in (1..50000) %}{{ s }}{% endfor %}", Vars(("s", new string('x', 1000))));
        Assert.Contains("output limit exceeded: more than 1,048,576 characters (MaxOutputLength)", Assert.Single(r.Errors).Message, StringComparison.Ordinal);
        Assert.True(r.Output.Length <= 1024 * 1024);
    }

    [Fact]
    public void Assign_DoublingString_StoppedBeforeItHoldsMemory()
    {
        var r = Render("{% assign s = 'xxxxxxxxxx' %}{% for i in (1..60) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}");
        Assert.Contains("(MaxOutputLength)", Assert.Single(r.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Capture_Doubling_StoppedByOutputLimit()
    {
        var r = Render("{% assign s = 'xxxxxxxxxx' %}{% for i in (1..60) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}");
        Assert.Contains("(MaxOutputLength)", Assert.Single(r.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Array_ManyLargeStringsKept_StoppedByMemoryLimit()
    {
        const string t = "{% assign big = 'xxxxxxxxxx' %}{% for i in (1..16) %}{% assign big = big | append: big %}{% endfor %}"
            + "{% assign arr = '' | split: ',' %}{% for i in (1..2000) %}{% assign one = big | append: i | split: '#' %}{% assign arr = arr | concat: one %}{% endfor %}{{ arr | size }}";
        var r = Render(t);
        Assert.Contains("memory limit exceeded: the render allocated more than 268,435,456 bytes (MaxAllocatedBytes)", Assert.Single(r.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeepBlockNesting_ErrorNamesTheLimit()
    {
        var source = string.Concat(Enumerable.Repeat("{% if true %}", 3000)) + "x" + string.Concat(Enumerable.Repeat("{% endif %}", 3000));
        var parsed = LiquidTemplate.Parse(source);
        var error = Assert.Single(parsed.Errors);
        Assert.True(error.Message.Contains("Nesting too deep: more than 100 nested blocks (MaxNestingDepth)", StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public void Parse_BlockNestingWithinLimit_Renders()
    {
        var source = string.Concat(Enumerable.Repeat("{% if true %}", 100)) + "x" + string.Concat(Enumerable.Repeat("{% endif %}", 100));
        Assert.Equal("x", Output(source));
    }

    [Fact]
    public void Parse_DeepExpressionNesting_ErrorNotStackOverflow()
    {
        var source = "{{ " + string.Concat(Enumerable.Repeat("a[", 20000)) + "0" + new string(']', 20000) + " }}";
        var parsed = LiquidTemplate.Parse(source);
        Assert.Contains("(MaxNestingDepth)", Assert.Single(parsed.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TemplateTooLong_ErrorNamesTheLimit()
    {
        var parsed = LiquidTemplate.Parse(new string('x', 100_001));
        Assert.Equal("Liquid syntax error: template too long: 100,001 characters, at most 100,000 are allowed (MaxTemplateLength)", Assert.Single(parsed.Errors).Message);
    }

    [Fact]
    public void Deadline_Exceeded_RenderStopsWithErrorNamingTimeout()
    {
        var options = new LiquidRenderOptions { Timeout = TimeSpan.FromMilliseconds(1), MaxSteps = long.MaxValue };
        var r = Render("{% for i in (1..50000000) %}{% endfor %}", options: options);
        Assert.Contains("render deadline exceeded", Assert.Single(r.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("(Timeout)", r.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_SetThroughOptions_AreEnforced()
    {
        var r = Render("{% for i in (1..100) %}x{% endfor %}", options: new LiquidRenderOptions { MaxSteps = 50 });
        Assert.Contains("more than 50 steps (MaxSteps)", Assert.Single(r.Errors).Message, StringComparison.Ordinal);
        var parsed = LiquidTemplate.Parse("{% if a %}{% if b %}{% endif %}{% endif %}", new LiquidParseOptions { MaxNestingDepth = 1 });
        Assert.Contains("more than 1 nested blocks", Assert.Single(parsed.Errors).Message, StringComparison.Ordinal);
    }
}
