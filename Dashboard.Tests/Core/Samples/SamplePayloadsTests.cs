using System.Text.Json;

namespace Dashboard.Tests.Core.Samples;

public class SamplePayloadsTests
{
    [Fact]
    public void Parse_Object_GivesLiquidHashWithLongsDoublesListsAndNestedHashes()
    {
        var result = SamplePayloads.Parse("""
            {"product": "Shoes", "count": 2, "price": 9.5, "gift": true, "note": null,
             "tags": ["a", "b"], "order": {"total": 19}}
            """);

        Assert.True(result.IsValid);
        var hash = result.Hash;
        Assert.Equal("Shoes", hash["product"]);
        Assert.Equal(2L, hash["count"]);
        Assert.Equal(9.5, hash["price"]);
        Assert.Equal(true, hash["gift"]);
        Assert.Null(hash["note"]);
        Assert.Equal(["a", "b"], Assert.IsAssignableFrom<IList<object?>>(hash["tags"]));
        Assert.Equal(19L, Assert.IsAssignableFrom<IDictionary<string, object?>>(hash["order"])["total"]);
    }

    [Fact]
    public void Parse_KeysKeepTheirTypedOrder()
    {
        var result = SamplePayloads.Parse("""{"z": 1, "a": 2, "m": 3}""");

        Assert.Equal(["z", "a", "m"], result.Hash.Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    [InlineData(null)]
    public void Parse_BlankText_IsAnEmptyPayload(string? text)
    {
        var result = SamplePayloads.Parse(text);

        Assert.True(result.IsValid);
        Assert.Empty(result.Hash);
    }

    [Fact]
    public void Parse_MissingComma_ReportsOneBasedLineAndColumn()
    {
        var text = "{\n  \"a\": 1\n  \"b\": 2\n}";

        var result = SamplePayloads.Parse(text);

        Assert.False(result.IsValid);
        var error = result.Error!;
        Assert.Equal(3, error.Line);
        Assert.Equal(3, error.Column);
        Assert.DoesNotContain("LineNumber", error.Message);
        Assert.DoesNotContain("BytePositionInLine", error.Message);
        Assert.StartsWith("Line 3, column 3: ", error.ToString());
    }

    [Fact]
    public void Parse_ErrorAfterMultiByteCharacters_CountsColumnInCharacters()
    {
        // "é" and "€" take 2 and 3 UTF-8 bytes; the column must count them as one character each.
        var text = "{\"name\": \"é€\" x}";

        var error = SamplePayloads.Parse(text).Error!;

        Assert.Equal(1, error.Line);
        Assert.Equal(text.IndexOf('x') + 1, error.Column);
    }

    [Fact]
    public void Parse_UnterminatedObject_IsAnError()
    {
        var error = SamplePayloads.Parse("{\"a\": 1").Error;

        Assert.NotNull(error);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Parse_Array_SaysAnObjectIsNeededAtTheArray()
    {
        var error = SamplePayloads.Parse("\n  [1, 2]").Error!;

        Assert.Equal("trigger_properties must be a JSON object ({ ... }), not an array.", error.Message);
        Assert.Equal(2, error.Line);
        Assert.Equal(3, error.Column);
    }

    [Fact]
    public void Parse_TrailingComma_IsRejectedLikeBrazeWould()
    {
        Assert.False(SamplePayloads.Parse("{\"a\": 1,}").IsValid);
    }
}
