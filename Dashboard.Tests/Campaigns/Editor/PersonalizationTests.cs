using Dashboard.Campaigns.Editor;

namespace Dashboard.Tests.Campaigns.Editor;

public class PersonalizationTests
{
    [Theory]
    [InlineData(PersonalizationSource.Standard, "first_name", null, "{{${first_name}}}")]
    [InlineData(PersonalizationSource.Standard, "first_name", "there", "{{${first_name} | default: 'there'}}")]
    [InlineData(PersonalizationSource.Custom, "tier", "", "{{custom_attribute.${tier}}}")]
    [InlineData(PersonalizationSource.Payload, "product", "your order", "{{api_trigger_properties.${product} | default: 'your order'}}")]
    [InlineData(PersonalizationSource.Standard, "city", "l'été", "{{${city} | default: \"l'été\"}}")]
    [InlineData(PersonalizationSource.Standard, "city", "a \"b\" c's", "{{${city} | default: \"a b c's\"}}")]
    public void Tag_ReadsTheValueWhereBrazeKeepsIt_WithAQuotedDefault(PersonalizationSource source, string key, string? fallback, string expected) =>
        Assert.Equal(expected, new PersonalizationOption(source, key, key).Tag(fallback));

    [Fact]
    public void Options_StandardAttributesThenTheSampleUsersCustomAttributesThenThePayloadsKeys()
    {
        var samples = new CampaignSamples(
            [new SamplePayload(1, "Mug order", """{"product": "Mug", "price": 9}""", Guid.NewGuid())],
            [new SampleUser(2, "Ana", new Dictionary<string, string> { ["first_name"] = "Ana" }, """{"tier": "gold", "points": 40}""", Guid.NewGuid())]);

        var options = Personalization.Options(samples, new Dictionary<string, object?> { ["coupon"] = "X1", ["product"] = "Lamp" });

        Assert.Equal("Standard:first_name", options[0].Id);
        Assert.Equal(["Custom:points", "Custom:tier"], options.Where(o => o.Source == PersonalizationSource.Custom).Select(o => o.Id));
        Assert.Equal(["Payload:coupon", "Payload:price", "Payload:product"], options.Where(o => o.Source == PersonalizationSource.Payload).Select(o => o.Id));
    }
}
