using BrazeLite.Liquid;
using BrazeLite.Liquid.Filters;
using static BrazeLite.Liquid.Tests.Filters.F;

namespace BrazeLite.Liquid.Tests.Filters;

public class FilterRobustnessTests
{
    private static readonly object?[] Inputs =
    [
        null, true, false, 0L, -7L, long.MaxValue, long.MinValue, 1.5, -0.0, double.NaN, double.PositiveInfinity, "", "  ", "hello world",
        "3.5", "😀é<&>", A(), A(1L, "a", null, A(2L, 3.5)), A(H(("a", 1L)), H(("a", null)), "x"), H(), H(("a", 1L), ("b", A(1L))),
        new LiquidRange(1, 5), new LiquidRange(5, 1), new LiquidRange(long.MinValue, long.MaxValue),
        new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromHours(-5)), EmptyValue.Instance, BlankValue.Instance,
    ];

    private static readonly object?[][] ArgumentSets =
    [
        [], [null], ["a"], [1L], [-1L], [0L], [long.MaxValue], [1.5], [A("x")], [H(("k", "v"))], ["a", "b"], [1L, 2L], [null, null], ["a", 1L, 2L],
    ];

    [Fact]
    public void EveryFilter_AnyInputAndArguments_ReturnsOrThrowsLiquidError()
    {
        var unexpected = new List<string>();
        foreach (var (name, filter) in BuiltInFilters.All)
        {
            foreach (var input in Inputs)
            {
                foreach (var args in ArgumentSets)
                {
                    var context = new FilterTestContext(stepLimit: 10_000);
                    try
                    {
                        var result = filter(input, new FilterArguments(args, new Dictionary<string, object?>()), context);
                        _ = LiquidValues.ToOutputString(result);
                    }
                    catch (LiquidFilterException)
                    {
                        // A Liquid error the renderer reports with its position.
                    }
                    catch (Exception e)
                    {
                        unexpected.Add($"{name}({LiquidValues.Inspect(input)}, {string.Join(", ", args.Select(LiquidValues.Inspect))}): {e.GetType().Name}: {e.Message}");
                    }
                }
            }
        }
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected.Take(40)) + $"\n({unexpected.Count} in all)");
    }

    [Fact]
    public void Join_WidestRange_IsWalkedLazilyUntilStepLimit()
    {
        var context = new FilterTestContext(stepLimit: 500);
        Assert.Throws<LiquidFilterException>(() => Apply(context, "join", new LiquidRange(long.MinValue, long.MaxValue), ","));
        Assert.InRange(context.Steps, 500, 501);
    }

    [Fact]
    public void Sum_RangeWithinLimit_AddsWithoutMaterialising()
    {
        var context = new FilterTestContext(stepLimit: 100_000);
        Assert.Equal(5_000_050_000L, Apply(context, "sum", new LiquidRange(1, 100_000)));
    }
}
