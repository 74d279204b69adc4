using BrazeLite.Liquid;
using static BrazeLite.Liquid.Tests.Filters.F;

namespace BrazeLite.Liquid.Tests.Filters;

public class MathFiltersTests
{
    [Fact]
    public void Arithmetic_Integers_StayIntegers()
    {
        Assert.Equal(6L, Apply("plus", 4L, 2L));
        Assert.Equal(2L, Apply("minus", 4L, 2L));
        Assert.Equal(8L, Apply("times", 4L, 2L));
        Assert.Equal(1L, Apply("divided_by", 5L, 3L));
        Assert.Equal(-4L, Apply("divided_by", -7L, 2L));
        Assert.Equal(1L, Apply("modulo", -7L, 2L));
        Assert.Equal(-1L, Apply("modulo", 7L, -2L));
        Assert.Equal(8L, Apply("plus", "5", "3"));
    }

    [Fact]
    public void Arithmetic_Floats_UseDecimalExactness()
    {
        Assert.Equal("0.3", Out("plus", 0.1, 0.2));
        Assert.Equal("3.3333333333333335", Out("divided_by", 10L, 3.0));
        Assert.Equal("6.0", Out("times", 2L, 3.0));
        Assert.Equal("1.5", Out("modulo", 5.5, 2L));
        Assert.Equal("5.5", Out("plus", "3.5", 2L));
        Assert.Equal("Infinity", Out("divided_by", 10.0, 0.0));
    }

    [Fact]
    public void DivisionByZero_Integer_ThrowsDividedBy0()
    {
        Assert.Equal("divided by 0", Assert.Throws<LiquidFilterException>(() => Apply("divided_by", 10L, 0L)).Message);
        Assert.Equal("divided by 0", Assert.Throws<LiquidFilterException>(() => Apply("modulo", 10L, 0L)).Message);
    }

    [Fact]
    public void Arithmetic_Overflow_FallsBackToFloat() =>
        Assert.Equal(1.8446744073709552e19, Assert.IsType<double>(Apply("times", long.MaxValue, 2L)), 1e5);

    [Fact]
    public void Rounding_Values_FollowRuby()
    {
        Assert.Equal(5L, Apply("round", 4.5));
        Assert.Equal(-3L, Apply("round", -2.5));
        Assert.Equal(3.14, Apply("round", 3.14159, 2L));
        Assert.Equal("3.0", Out("round", 3.0, 2L));
        Assert.Equal("180.0", Out("round", 183.357, -1L));
        Assert.Equal(5L, Apply("round", 5L, 2L));
        Assert.Equal(1240L, Apply("round", 1235L, -1L));
        Assert.Equal(5L, Apply("ceil", 4.3));
        Assert.Equal(4L, Apply("floor", 4.9));
        Assert.Equal(6L, Apply("ceil", "5.1"));
        Assert.Equal(-5L, Apply("floor", -4.1));
    }

    [Fact]
    public void Round_Infinity_ThrowsFloatDomainError() =>
        Assert.Equal("Infinity", Assert.Throws<LiquidFilterException>(() => Apply("round", double.PositiveInfinity)).Message);

    [Fact]
    public void AbsAtLeastAtMost_Values_FollowLiquid()
    {
        Assert.Equal(5L, Apply("abs", -5L));
        Assert.Equal(42L, Apply("abs", "-42"));
        Assert.Equal(2.5, Apply("abs", -2.5));
        Assert.Equal(5L, Apply("at_least", 4L, 5L));
        Assert.Equal(5.0, Apply("at_least", 4L, 5.0));
        Assert.Equal(4L, Apply("at_least", 4L, 3L));
        Assert.Equal(3L, Apply("at_most", 4L, 3L));
        Assert.Equal(10L, Apply("at_most", "15", "10"));
    }

    [Fact]
    public void Sum_ValuesAndProperty_AddsNumbers()
    {
        Assert.Equal(6L, Apply("sum", A(1L, A(2L, 3L))));
        Assert.Equal("3.5", Out("sum", A(1L, "2.5")));
        Assert.Equal(0L, Apply("sum", A()));
        Assert.Equal(15L, Apply("sum", A(H(("p", 5L)), H(("p", 10L)), H()), "p"));
        Assert.Equal(15L, Apply("sum", new LiquidRange(1, 5)));
    }

    [Fact]
    public void Math_MissingOperand_ThrowsArgumentCount() =>
        Assert.Contains("wrong number of arguments", Assert.Throws<LiquidFilterException>(() => Apply("plus", 1L)).Message);
}

public class MathFiltersPrecisionTests
{
    [Fact]
    public void Arithmetic_ManyDecimalResults_MatchExactDecimalThenNearestDouble()
    {
        var rnd = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var a = Math.Round(rnd.NextDouble() * 1000, rnd.Next(0, 6));
            var b = Math.Round(rnd.NextDouble() * 1000, rnd.Next(0, 6)) + 0.5;
            foreach (var (name, op) in new (string, Func<decimal, decimal, decimal>)[] { ("plus", (x, y) => x + y), ("minus", (x, y) => x - y), ("times", (x, y) => x * y), ("divided_by", (x, y) => x / y) })
            {
                var exact = op(decimal.Parse(a.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture),
                    decimal.Parse(b.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture));
                var expected = double.Parse(exact.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(expected, F.Apply(name, a, b));
            }
        }
    }
}
