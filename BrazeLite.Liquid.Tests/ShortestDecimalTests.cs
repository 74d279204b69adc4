using System.Globalization;

namespace BrazeLite.Liquid.Tests;

/// <summary>
/// The arithmetic fast path for a double's shortest digits must agree, digit for digit, with .NET's round-trip text
/// (the slow path and the reference for Ruby's <c>Float#to_s</c>) on every value it accepts.
/// </summary>
public sealed class ShortestDecimalTests
{
    public static TheoryData<double, string> Printed() => new()
    {
        { 12.5, "12.5" },
        { 14.0, "14.0" },
        { -0.5, "-0.5" },
        { 0.1 + 0.2, "0.30000000000000004" },
        { 0.0001, "0.0001" },
        { 0.00001, "1.0e-05" },
        { 1e15, "1000000000000000.0" },
        { 123456789012.34, "123456789012.34" },
        { 9999999999999998.0, "9999999999999998.0" },
        { 1e16, "1.0e+16" },
    };

    [Theory]
    [MemberData(nameof(Printed))]
    public void FormatFloat_CommonAndEdgeValues_PrintAsRuby(double value, string expected) =>
        Assert.Equal(expected, LiquidValues.FormatFloat(value));

    [Fact]
    public void TryGet_MillionsOfPricesRatesAndRandomDoubles_AgreeWithRoundTripText()
    {
        var random = new Random(20261202);
        var accepted = 0;
        var mismatches = new List<string>();
        void Check(double d)
        {
            if (!ShortestDecimal.TryGet(d, out var digits, out var scale)) return;
            accepted++;
            var expected = decimal.Parse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
            var actual = ShortestDecimal.ToDecimal(digits, scale);
            if (actual != expected || scale != expected.Scale)
                mismatches.Add($"{d:R}: {actual} (scale {scale})");
            if (Math.Abs(d) >= 1e-4 && Math.Abs(d) < 1e15)
            {
                var plain = ShortestDecimal.TryFormatPlain(d);
                var text = d.ToString("R", CultureInfo.InvariantCulture);
                if (plain != (text.Contains('.') ? text : text + ".0")) mismatches.Add($"{d:R} printed {plain}");
            }
        }
        for (var cents = -200_000; cents <= 200_000; cents++) Check(cents / 100.0);
        for (var i = 0; i < 300_000; i++)
        {
            Check(random.Next(-1_000_000, 1_000_000) / 1000.0 * 1.1);
            Check(Math.Round(random.NextDouble() * Math.Pow(10, random.Next(-6, 15)), random.Next(0, 12)));
            Check(BitConverter.Int64BitsToDouble(random.NextInt64()));
            Check((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-15, 16)));
        }
        Assert.True(accepted > 700_000, $"only {accepted} values took the fast path");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
    }
}
