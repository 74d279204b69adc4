using BrazeLite.Liquid;
using BrazeLite.Liquid.Filters;

namespace BrazeLite.Liquid.Tests;

/// <summary>Renders on one thread share an output buffer: none may see another's output.</summary>
public sealed class LiquidOutputBufferTests
{
    private static LiquidTemplate Parse(string source, LiquidParseOptions? options = null)
    {
        var parsed = LiquidTemplate.Parse(source, options);
        Assert.True(parsed.Success, string.Join("; ", parsed.Errors));
        return parsed.Template!;
    }

    [Fact]
    public void Render_AfterARenderStoppedByAnError_StartsEmpty()
    {
        var failed = Parse("kept {{ 1 | divided_by: 0 }} never").Render();
        Assert.NotEmpty(failed.Errors);
        Assert.Equal("kept ", failed.Output);

        Assert.Equal("fresh", Parse("fresh").Render().Output);
    }

    [Fact]
    public void Render_AfterAVeryLargeOutput_SmallOutputIsExact()
    {
        var large = Parse("{% for i in (1..20000) %}abcdefgh{% endfor %}").Render();
        Assert.True(large.Success, string.Join("; ", large.Errors));
        Assert.Equal(160_000, large.Output.Length);

        Assert.Equal("x", Parse("x").Render().Output);
    }

    [Fact]
    public void Render_StartedByAFilterDuringARender_KeepsBothOutputsApart()
    {
        var inner = Parse("[inner {{ v }}]");
        var filters = new Dictionary<string, FilterFunction>(BuiltInFilters.All)
        {
            ["nested"] = (input, _, _) => inner.Render(new Dictionary<string, object?> { ["v"] = input }).Output,
        };
        var outer = Parse("before {{ 'x' | nested }} after", new LiquidParseOptions { Filters = filters });

        Assert.Equal("before [inner x] after", outer.Render().Output);
        Assert.Equal("[inner y]", inner.Render(new Dictionary<string, object?> { ["v"] = "y" }).Output);
    }
}
