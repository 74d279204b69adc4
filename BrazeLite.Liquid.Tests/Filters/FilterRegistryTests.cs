using BrazeLite.Liquid;
using BrazeLite.Liquid.Filters;

namespace BrazeLite.Liquid.Tests.Filters;

public sealed class FilterRegistryTests
{
    [Fact]
    public void Add_WithArity_CallWithOtherCount_FailsWithRubysWords()
    {
        var filters = BuiltInFilters.Registry()
            .Add("shout", (input, args, _) => LiquidValues.ToOutputString(input).ToUpperInvariant() + LiquidValues.ToOutputString(args[0]), arity: (2, 2))
            .ToDictionary();
        var template = LiquidTemplate.Parse("{{ 'hi' | shout: '!' }} {{ 'hi' | shout }}", new LiquidParseOptions { Filters = filters }).Template!;

        var result = template.Render(options: LiquidRenderOptions.Default with { InlineErrors = true });

        Assert.Equal("HI! Liquid error (line 1): wrong number of arguments (given 1, expected 2)", result.Output);
        Assert.Equal("Liquid error: shout: wrong number of arguments (given 1, expected 2) at line 1, column 35", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Registry_BuiltIns_HoldEveryFilterOnce()
    {
        var registry = BuiltInFilters.Registry();
        Assert.Equal(BuiltInFilters.All.Count, registry.Names.Count);
    }
}
