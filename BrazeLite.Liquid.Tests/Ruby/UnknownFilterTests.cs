using BrazeLite.Liquid;
using static BrazeLite.Liquid.Tests.Ruby.RubyLiquid;

namespace BrazeLite.Liquid.Tests.Ruby;

/// <summary>
/// Ruby passes an unknown filter's input through unless <c>strict_filters</c> is on (strainer_template.rb#invoke); the
/// engine does the same by default and in lax mode. <see cref="LiquidParseOptions.StrictFilters"/> is Braze's stricter
/// rule, which the dashboard turns on.
/// </summary>
public class UnknownFilterTests
{
    [Theory]
    [InlineData("{{ 'abc' | upcas }}", "abc")]
    [InlineData("{{ 'abc' | nosuch: 1, 2 | upcase }}", "ABC")]
    [InlineData("{{ x | nosuch }}|{{ 5 | nosuch: 'a' | plus: 1 }}", "|6")]
    public void UnknownFilter_ByDefault_PassesTheInputThrough(string source, string expected)
    {
        Assert.Equal(expected, Render(source));
        Assert.Equal(expected, Render(source, mode: LiquidErrorMode.Lax));
    }

    [Fact]
    public void UnknownFilter_WithStrictFilters_IsAParseErrorWithASuggestion()
    {
        var parsed = LiquidTemplate.Parse("{{ 'abc' | upcas }}", new LiquidParseOptions { StrictFilters = true });

        Assert.Equal("unknown filter `upcas` at line 1, column 12; did you mean `upcase`?", Assert.Single(parsed.Errors).Message);
    }

    [Fact]
    public void UnknownFilter_StrictFiltersInLaxMode_StillPassesThrough() =>
        Assert.Equal("abc", LiquidTemplate.Parse("{{ 'abc' | upcas }}", new LiquidParseOptions { ErrorMode = LiquidErrorMode.Lax, StrictFilters = true })
            .Template!.Render().Output);
}
