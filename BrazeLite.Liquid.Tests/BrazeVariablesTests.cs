using System.Text.Json;
using BrazeLite.Liquid;
using BrazeLite.Liquid.Braze;

namespace BrazeLite.Liquid.Tests;

public sealed class BrazeVariablesTests
{
    private static IDictionary<string, object?> Hash(string json) =>
        (IDictionary<string, object?>)LiquidValues.FromClr(JsonDocument.Parse(json).RootElement)!;

    private static string Render(string source, Dictionary<string, object?> variables) =>
        LiquidTemplate.Parse(source).Template!.Render(LiquidRenderContext.FromLiquidValues(variables)).Output;

    [Fact]
    public void Build_UserAttributes_StandardOnTopCustomUnderCustomAttribute()
    {
        var variables = BrazeVariables.Build(
            Hash("""{"first_name":"Ana","loyalty tier":"gold","custom_attributes":{"points":12}}"""), null);

        Assert.Equal("Ana gold 12 []", Render("{{${first_name}}} {{custom_attribute.${loyalty tier}}} {{custom_attribute.${points}}} [{{custom_attribute.first_name}}]", variables));
    }

    [Fact]
    public void Build_TriggerEventAndCampaign_AreTheirNamespaces()
    {
        var variables = BrazeVariables.Build(null, Hash("""{"product":"Lamp"}"""), Hash("""{"x":1}"""),
            new BrazeCampaign("c-1", "Autumn", "Variant 1"));

        Assert.Equal("Lamp 1 c-1 Autumn Variant 1 dispatch_id_for_unsent_campaign",
            Render("{{api_trigger_properties.${product}}} {{event_properties.${x}}} {{campaign.${api_id}}} {{campaign.${name}}} {{campaign.${message_name}}} {{campaign.${dispatch_id}}}", variables));
    }

    [Fact]
    public void Build_TriggerProperties_AreAlsoAjosContext()
    {
        var variables = BrazeVariables.Build(null, Hash("""{"product":{"name":"Jackets"},"offerCode":"THANKSGIVING"}"""));

        Assert.Equal("Jackets THANKSGIVING Jackets", Render("{{context.product.name}} {{ context.offerCode }} {{api_trigger_properties.${product}.name}}", variables));
    }

    [Fact]
    public void Build_ExtraVariables_WinAndAreNormalised()
    {
        var variables = BrazeVariables.Build(Hash("""{"first_name":"Ana"}"""), null,
            extraVariables: new Dictionary<string, object?> { ["first_name"] = "Bea", ["n"] = 3 });

        Assert.Equal("Bea 6", Render("{{ first_name }} {{ n | times: 2 }}", variables));
        Assert.IsType<long>(variables["n"]);
    }

    [Fact]
    public void StandardAttributes_AreBrazesSixteen()
    {
        Assert.Equal(16, BrazeVariables.StandardAttributes.Count);
        Assert.True(BrazeVariables.IsStandardAttribute("random_bucket_number"));
        Assert.False(BrazeVariables.IsStandardAttribute("loyalty tier"));
    }
}
