using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Core.Campaigns;

public class TriggerPropertiesTests
{
    private static IReadOnlyList<IReadOnlyList<string>> Keys(params string[] dotted) => dotted.Select(d => (IReadOnlyList<string>)d.Split('.')).ToList();

    [Fact]
    public void SampleJson_Paths_BuildsNestedObjectsWithPlaceholders()
    {
        var json = TriggerProperties.SampleJson(Keys("product", "order.total", "order.items", "loyalty tier"));

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("sample product", root.GetProperty("product").GetString());
        Assert.Equal("sample total", root.GetProperty("order").GetProperty("total").GetString());
        Assert.Equal("sample items", root.GetProperty("order").GetProperty("items").GetString());
        Assert.Equal("sample loyalty tier", root.GetProperty("loyalty tier").GetString());
        Assert.Contains("\n  \"product\": \"sample product\"", json);
    }

    [Fact]
    public void SampleJson_KeyUsedAsValueAndAsParent_BecomesAnObject()
    {
        using var document = JsonDocument.Parse(TriggerProperties.SampleJson(Keys("order", "order.total", "order")));

        Assert.Equal("sample total", document.RootElement.GetProperty("order").GetProperty("total").GetString());
    }

    [Fact]
    public void SampleJson_NoPaths_IsAnEmptyObjectThatParses()
    {
        var json = TriggerProperties.SampleJson([]);

        Assert.Equal("{}", json);
        Assert.True(SamplePayloads.Parse(json).IsValid);
    }

    [Fact]
    public void SampleJson_Campaign_HoldsEveryTriggerPropertyItsVariantsRead()
    {
        var campaign = CampaignForms.ToCampaign(new CampaignForm
        {
            Type = CampaignType.ApiTriggered,
            Channels = [new() { Channel = Channel.Email }, new() { Channel = Channel.Sms }],
            Variants =
            [
                new() { Name = "A", Messages = [new() { Channel = Channel.Email, MessageVariationId = Ids.NewId(), [EmailFields.Subject] = "{{api_trigger_properties.${product}}}" }] },
                new()
                {
                    Name = "B",
                    Messages =
                    [
                        new() { Channel = Channel.Sms, MessageVariationId = Ids.NewId(), [SmsFields.Body] = "{{api_trigger_properties.order.total}} {% for i in api_trigger_properties.order.items %}{{ i.sku }}{% endfor %}" },
                    ],
                },
            ],
        });
        var rules = new TemplateRules(new TemplateRenderer(TimeProvider.System, NullLogger<TemplateRenderer>.Instance));

        using var document = JsonDocument.Parse(TriggerProperties.SampleJson(rules.TriggerPropertyPaths(campaign)));

        var root = document.RootElement;
        Assert.Equal("sample product", root.GetProperty("product").GetString());
        Assert.Equal(["total", "items"], root.GetProperty("order").EnumerateObject().Select(p => p.Name));
        Assert.Equal("sample sku", Assert.Single(root.GetProperty("order").GetProperty("items").EnumerateArray()).GetProperty("sku").GetString());
    }

    [Fact]
    public void SampleJson_NonAsciiKey_IsWrittenReadably()
    {
        Assert.Contains("\"größe\": \"sample größe\"", TriggerProperties.SampleJson(Keys("größe")));
    }

    [Theory]
    [InlineData("order.total", "order.total")]
    [InlineData("items.[].name", "items[].name")]
    public void Describe_Path_ReadsAsPeopleWriteIt(string dotted, string expected) =>
        Assert.Equal(expected, TriggerProperties.Describe(dotted.Split('.')));
}
