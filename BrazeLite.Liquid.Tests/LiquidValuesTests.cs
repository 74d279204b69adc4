using System.Text.Json;
using System.Text.Json.Nodes;
using BrazeLite.Liquid;

namespace BrazeLite.Liquid.Tests;

public class LiquidValuesTests
{
    private static List<object?> Arr(params object?[] items) => [.. items];

    [Theory]
    [InlineData(null, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(0L, true)]
    [InlineData("", true)]
    public void IsTruthy_Value_OnlyNilAndFalseAreFalsy(object? value, bool expected) =>
        Assert.Equal(expected, LiquidValues.IsTruthy(value));

    [Fact]
    public void IsTruthy_EmptyArray_IsTruthy() => Assert.True(LiquidValues.IsTruthy(Arr()));

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(1e20, "1.0e+20")]
    [InlineData(1e16, "1.0e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(123456789.125, "123456789.125")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1.0e-05")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(3.14159, "3.14159")]
    [InlineData(1.23e100, "1.23e+100")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    [InlineData(double.NaN, "NaN")]
    public void FormatFloat_Double_PrintsLikeRuby(double value, string expected) =>
        Assert.Equal(expected, LiquidValues.FormatFloat(value));

    [Fact]
    public void FormatFloat_RandomMagnitudes_FastPathAgreesWithDigitRule()
    {
        var rnd = new Random(11);
        for (var i = 0; i < 100_000; i++)
        {
            var d = (rnd.NextDouble() - 0.5) * Math.Pow(10, rnd.Next(-25, 25));
            if (i % 3 == 0) d = Math.Round(d, rnd.Next(0, 8));
            Assert.Equal(LiquidValues.FormatFloatFromDigits(d), LiquidValues.FormatFloat(d));
        }
    }

    [Fact]
    public void ToOutputString_Scalars_PrintLikeLiquid()
    {
        Assert.Equal("", LiquidValues.ToOutputString(null));
        Assert.Equal("true", LiquidValues.ToOutputString(true));
        Assert.Equal("false", LiquidValues.ToOutputString(false));
        Assert.Equal("-42", LiquidValues.ToOutputString(-42L));
        Assert.Equal("2.0", LiquidValues.ToOutputString(2.0));
        Assert.Equal("1..5", LiquidValues.ToOutputString(new LiquidRange(1, 5)));
        Assert.Equal("", LiquidValues.ToOutputString(EmptyValue.Instance));
    }

    [Fact]
    public void ToOutputString_NestedArrays_JoinWithoutSeparator() =>
        Assert.Equal("ab1c2.5", LiquidValues.ToOutputString(Arr("a", Arr("b", 1L, null, Arr("c")), 2.5)));

    [Fact]
    public void ToOutputString_Hash_PrintsRubyInspect()
    {
        var hash = new Dictionary<string, object?> { ["foo"] = "bar", ["n"] = 1L, ["x"] = null, ["list"] = Arr(1L, "a\"b"), ["f"] = 1.5, ["t"] = true };
        Assert.Equal("{\"foo\"=>\"bar\", \"n\"=>1, \"x\"=>nil, \"list\"=>[1, \"a\\\"b\"], \"f\"=>1.5, \"t\"=>true}", LiquidValues.ToOutputString(hash));
    }

    [Fact]
    public void ToOutputString_ArrayHoldingHash_PrintsHashInspect() =>
        Assert.Equal("x{\"a\"=>1}", LiquidValues.ToOutputString(Arr("x", new Dictionary<string, object?> { ["a"] = 1L })));

    [Fact]
    public void ToOutputString_Time_PrintsRubyTimeToS()
    {
        Assert.Equal("2024-01-01 00:00:00 +0000", LiquidValues.ToOutputString(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2024-06-30 13:05:09 -0530", LiquidValues.ToOutputString(new DateTimeOffset(2024, 6, 30, 13, 5, 9, TimeSpan.FromMinutes(-330))));
    }

    [Fact]
    public void ToRubyString_Array_IsInspect() =>
        Assert.Equal("[\"a\", nil, 1]", LiquidValues.ToRubyString(Arr("a", null, 1L)));

    [Fact]
    public void Inspect_StringWithEscapes_EscapesLikeRuby() =>
        Assert.Equal("\"a\\nb\\t\\\\ \\#{x} é\"", LiquidValues.Inspect("a\nb\t\\ #{x} é"));

    [Fact]
    public void Inspect_Nil_IsNil() => Assert.Equal("nil", LiquidValues.Inspect(null));

    [Theory]
    [InlineData("3", 3L)]
    [InlineData(" 3 ", 3L)]
    [InlineData("3.5", 3.5)]
    [InlineData("-3.5", -3.5)]
    [InlineData("3abc", 3L)]
    [InlineData("abc", 0L)]
    [InlineData("3.5abc", 3L)]
    [InlineData(".5", 0L)]
    [InlineData("1_000", 1000L)]
    [InlineData("", 0L)]
    public void ToNumber_String_FollowsLiquidToNumber(string input, object expected) =>
        Assert.Equal(expected, LiquidValues.ToNumber(input));

    [Fact]
    public void ToNumber_NonNumeric_IsZero()
    {
        Assert.Equal(0L, LiquidValues.ToNumber(null));
        Assert.Equal(0L, LiquidValues.ToNumber(true));
        Assert.Equal(0L, LiquidValues.ToNumber(Arr(1L)));
        Assert.Equal(7L, LiquidValues.ToNumber(7L));
        Assert.Equal(7.5, LiquidValues.ToNumber(7.5));
    }

    [Fact]
    public void TryToNumber_NumericAndNot_ReportsSuccess()
    {
        Assert.True(LiquidValues.TryToNumber("42", out var n));
        Assert.Equal(42L, n);
        Assert.True(LiquidValues.TryToNumber("4.25", out var f));
        Assert.Equal(4.25, f);
        Assert.False(LiquidValues.TryToNumber("4x", out _));
        Assert.False(LiquidValues.TryToNumber(null, out _));
    }

    [Fact]
    public void ToInteger_ValidAndInvalid_ConvertsOrThrowsInvalidInteger()
    {
        Assert.Equal(5L, LiquidValues.ToInteger(5L));
        Assert.Equal(12L, LiquidValues.ToInteger(" 12 "));
        Assert.Equal("invalid integer", Assert.Throws<LiquidFilterException>(() => LiquidValues.ToInteger("3.5")).Message);
        Assert.Equal("invalid integer", Assert.Throws<LiquidFilterException>(() => LiquidValues.ToInteger("x")).Message);
        Assert.Equal("invalid integer", Assert.Throws<LiquidFilterException>(() => LiquidValues.ToInteger(null)).Message);
    }

    [Fact]
    public void Equal_Numbers_IntegerEqualsFloat()
    {
        Assert.True(LiquidValues.Equal(1L, 1.0));
        Assert.False(LiquidValues.Equal(1L, "1"));
        Assert.True(LiquidValues.Equal(null, null));
        Assert.False(LiquidValues.Equal(null, false));
        Assert.True(LiquidValues.Equal(Arr(1L, "a"), Arr(1.0, "a")));
        Assert.False(LiquidValues.Equal(Arr(1L), Arr(1L, 2L)));
        Assert.True(LiquidValues.Equal(new Dictionary<string, object?> { ["a"] = 1L }, new Dictionary<string, object?> { ["a"] = 1L }));
    }

    [Fact]
    public void Equal_EmptyLiteral_MatchesEmptyCollectionsNotNil()
    {
        var empty = EmptyValue.Instance;
        Assert.True(LiquidValues.Equal("", empty));
        Assert.True(LiquidValues.Equal(empty, Arr()));
        Assert.True(LiquidValues.Equal(new Dictionary<string, object?>(), empty));
        Assert.False(LiquidValues.Equal(null, empty));
        Assert.False(LiquidValues.Equal(false, empty));
        Assert.False(LiquidValues.Equal(0L, empty));
        Assert.False(LiquidValues.Equal("  ", empty));
    }

    [Fact]
    public void Equal_BlankLiteral_MatchesNilFalseWhitespaceAndEmpty()
    {
        var blank = BlankValue.Instance;
        Assert.True(LiquidValues.Equal(null, blank));
        Assert.True(LiquidValues.Equal(false, blank));
        Assert.True(LiquidValues.Equal(" \n\t", blank));
        Assert.True(LiquidValues.Equal(blank, Arr()));
        Assert.False(LiquidValues.Equal(0L, blank));
        Assert.False(LiquidValues.Equal(true, blank));
        Assert.False(LiquidValues.Equal("x", blank));
    }

    [Fact]
    public void Compare_CompatibleValues_Orders()
    {
        Assert.True(LiquidValues.Compare(1L, "<", 2.5));
        Assert.True(LiquidValues.Compare(2.0, ">=", 2L));
        Assert.True(LiquidValues.Compare("apple", "<", "banana"));
        Assert.True(LiquidValues.Compare("B", "<", "a"));
        Assert.False(LiquidValues.Compare(null, "<", 1L));
        Assert.False(LiquidValues.Compare(1L, ">", null));
        Assert.False(LiquidValues.Compare(Arr(), "<", 1L));
        Assert.False(LiquidValues.Compare(true, ">", false));
    }

    [Fact]
    public void Compare_IntegerWithString_ThrowsRubyMessage()
    {
        Assert.Equal("comparison of Integer with String failed",
            Assert.Throws<LiquidFilterException>(() => LiquidValues.Compare(1L, "<", "2")).Message);
        Assert.Equal("comparison of String with 1 failed",
            Assert.Throws<LiquidFilterException>(() => LiquidValues.Compare("2", ">", 1L)).Message);
        Assert.Equal("comparison of Float with String failed",
            Assert.Throws<LiquidFilterException>(() => LiquidValues.Compare(1.5, ">", "a")).Message);
    }

    [Fact]
    public void Contains_StringArrayHashRange_FollowsRuby()
    {
        Assert.True(LiquidValues.Contains("hello world", "lo w"));
        Assert.True(LiquidValues.Contains("a1b", 1L));
        Assert.False(LiquidValues.Contains("hello", null));
        Assert.True(LiquidValues.Contains(Arr("a", 2L), 2.0));
        Assert.False(LiquidValues.Contains(Arr("a", 2L), "2"));
        Assert.True(LiquidValues.Contains(new Dictionary<string, object?> { ["k"] = null }, "k"));
        Assert.False(LiquidValues.Contains(new Dictionary<string, object?> { ["k"] = 1L }, "v"));
        Assert.True(LiquidValues.Contains(new LiquidRange(1, 1_000_000_000_000), 999_999L));
        Assert.False(LiquidValues.Contains(null, "a"));
        Assert.False(LiquidValues.Contains(5L, 5L));
    }

    [Fact]
    public void Size_Values_FollowRuby()
    {
        Assert.Equal(5, LiquidValues.Size("héllo"));
        Assert.Equal(1, LiquidValues.Size("😀"));
        Assert.Equal(2, LiquidValues.Size(Arr(1L, 2L)));
        Assert.Equal(1, LiquidValues.Size(new Dictionary<string, object?> { ["a"] = 1L }));
        Assert.Equal(50_000_000, LiquidValues.Size(new LiquidRange(1, 50_000_000)));
        Assert.Equal(0, LiquidValues.Size(null));
        Assert.Equal(0, LiquidValues.Size(1.5));
        Assert.Equal(8, LiquidValues.Size(5L));
    }

    [Fact]
    public void IsEmptyAndIsBlank_Values_Differ()
    {
        Assert.True(LiquidValues.IsEmpty(""));
        Assert.False(LiquidValues.IsEmpty(" "));
        Assert.False(LiquidValues.IsEmpty(null));
        Assert.True(LiquidValues.IsBlank(" "));
        Assert.True(LiquidValues.IsBlank(null));
        Assert.True(LiquidValues.IsBlank(false));
        Assert.False(LiquidValues.IsBlank(0L));
    }

    [Fact]
    public void FromClr_JsonElement_NormalisesDeeply()
    {
        using var doc = JsonDocument.Parse("""{"b":1,"a":[1.5,"x",null,true],"n":{"z":-7}}""");
        var value = Assert.IsType<Dictionary<string, object?>>(LiquidValues.FromClr(doc.RootElement));
        Assert.Equal(["b", "a", "n"], value.Keys);
        Assert.Equal(1L, value["b"]);
        Assert.Equal(Arr(1.5, "x", null, true), value["a"]);
        Assert.Equal(-7L, Assert.IsType<Dictionary<string, object?>>(value["n"])["z"]);
        Assert.Equal("{\"b\"=>1, \"a\"=>[1.5, \"x\", nil, true], \"n\"=>{\"z\"=>-7}}", LiquidValues.ToOutputString(value));
    }

    [Fact]
    public void FromClr_JsonNode_NormalisesDeeply()
    {
        var node = JsonNode.Parse("""{"items":[{"price":2},{"price":3.25}],"name":"n"}""");
        var value = Assert.IsType<Dictionary<string, object?>>(LiquidValues.FromClr(node));
        var items = Assert.IsType<List<object?>>(value["items"]);
        Assert.Equal(2L, Assert.IsType<Dictionary<string, object?>>(items[0])["price"]);
        Assert.Equal(3.25, Assert.IsType<Dictionary<string, object?>>(items[1])["price"]);
        var built = new JsonObject { ["k"] = 5, ["s"] = "t" };
        var fromBuilt = Assert.IsType<Dictionary<string, object?>>(LiquidValues.FromClr(built));
        Assert.Equal(5L, fromBuilt["k"]);
        Assert.Equal("t", fromBuilt["s"]);
    }

    [Fact]
    public void FromClr_ClrValues_Normalise()
    {
        Assert.Equal(3L, LiquidValues.FromClr(3));
        Assert.Equal(3L, LiquidValues.FromClr((short)3));
        Assert.Equal(2.5, LiquidValues.FromClr(2.5m));
        Assert.Equal(0.1, LiquidValues.FromClr(0.1f));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), LiquidValues.FromClr(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc)));
        var list = Assert.IsType<List<object?>>(LiquidValues.FromClr(new[] { 1, 2 }));
        Assert.Equal(Arr(1L, 2L), list);
        var dict = Assert.IsType<Dictionary<string, object?>>(LiquidValues.FromClr(new Dictionary<string, int> { ["z"] = 1, ["a"] = 2 }));
        Assert.Equal(["z", "a"], dict.Keys);
        Assert.Equal(2L, dict["a"]);
        IReadOnlyDictionary<string, int> readOnly = new System.Collections.ObjectModel.ReadOnlyDictionary<string, int>(new Dictionary<string, int> { ["k"] = 4 });
        Assert.Equal(4L, Assert.IsType<Dictionary<string, object?>>(LiquidValues.FromClr(readOnly))["k"]);
        var anon = Assert.IsType<Dictionary<string, object?>>(LiquidValues.FromClr(new { name = "Ann", tags = new List<string> { "x" } }));
        Assert.Equal("Ann", anon["name"]);
        Assert.Equal(Arr("x"), anon["tags"]);
    }
}
