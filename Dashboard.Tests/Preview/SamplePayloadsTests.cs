using System.Text.Json;
using Dashboard.Campaigns;
using Dashboard.Preview;

namespace Dashboard.Tests.Preview;

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

    [Fact]
    public void Generate_Paths_BuildsNestedObjectsWithPlaceholders()
    {
        var json = SamplePayloads.Generate(["product", "order.total", "order.items", "loyalty tier"]);

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("sample product", root.GetProperty("product").GetString());
        Assert.Equal("sample total", root.GetProperty("order").GetProperty("total").GetString());
        Assert.Equal("sample items", root.GetProperty("order").GetProperty("items").GetString());
        Assert.Equal("sample loyalty tier", root.GetProperty("loyalty tier").GetString());
        Assert.Contains("\n  \"product\": \"sample product\"", json);
    }

    [Fact]
    public void Generate_KeyUsedAsValueAndAsParent_BecomesAnObject()
    {
        var json = SamplePayloads.Generate(["order", "order.total", "order"]);

        using var document = JsonDocument.Parse(json);
        Assert.Equal("sample total", document.RootElement.GetProperty("order").GetProperty("total").GetString());
    }

    [Fact]
    public void Generate_NoPaths_IsAnEmptyObjectThatParses()
    {
        var json = SamplePayloads.Generate([]);

        Assert.Equal("{}", json);
        Assert.True(SamplePayloads.Parse(json).IsValid);
    }

    [Fact]
    public void GenerateFor_Campaign_HoldsEveryTriggerPropertyItsVariantsUse()
    {
        var campaign = new CampaignForm
        {
            Type = CampaignType.ApiTriggered,
            Channels = [new() { Channel = Channel.Email }, new() { Channel = Channel.Sms }],
            Variants =
            [
                new() { Messages = [new() { Channel = Channel.Email, Subject = "{{api_trigger_properties.${product}}}" }] },
                new()
                {
                    Messages =
                    [
                        new() { Channel = Channel.Sms, SmsBody = "{{api_trigger_properties.order.total}} {% for i in api_trigger_properties.order.items %}{% endfor %}" },
                    ],
                },
            ],
        };

        using var document = JsonDocument.Parse(SamplePayloads.GenerateFor(campaign));

        var root = document.RootElement;
        Assert.Equal("sample product", root.GetProperty("product").GetString());
        Assert.Equal(["total", "items"], root.GetProperty("order").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Generate_NonAsciiKey_IsWrittenReadably()
    {
        Assert.Contains("\"größe\": \"sample größe\"", SamplePayloads.Generate(["größe"]));
    }
}
