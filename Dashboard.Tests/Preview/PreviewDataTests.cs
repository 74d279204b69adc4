using Dashboard.Preview;

namespace Dashboard.Tests.Preview;

public class PreviewDataTests
{
    [Fact]
    public void ToVariables_User_SplitsStandardAndCustomAttributes()
    {
        var user = SamplePayloads.Parse("""
            {"first_name": "Ana", "email_address": "ana@example.com", "loyalty tier": "gold",
             "custom_attributes": {"shoe size": 38}}
            """).Hash;

        var variables = new RenderData(User: user).ToVariables();

        Assert.Equal("Ana", variables["first_name"]);
        Assert.Equal("ana@example.com", variables["email_address"]);
        Assert.False(variables.ContainsKey("loyalty tier"));
        var custom = Assert.IsAssignableFrom<IDictionary<string, object?>>(variables["custom_attribute"]);
        Assert.Equal("gold", custom["loyalty tier"]);
        Assert.Equal(38L, custom["shoe size"]);
    }

    [Fact]
    public void ToVariables_CustomAttributeObject_IsReadLikeCustomAttributes()
    {
        var user = SamplePayloads.Parse("""{"custom_attribute": {"tier": "gold"}}""").Hash;

        var custom = Assert.IsAssignableFrom<IDictionary<string, object?>>(new RenderData(User: user).ToVariables()["custom_attribute"]);

        Assert.Equal("gold", custom["tier"]);
    }

    [Fact]
    public void ToVariables_TriggerAndEventProperties_AreTheirNamespaces()
    {
        var variables = new RenderData(
            TriggerProperties: SamplePayloads.Parse("""{"product": "Shoes"}""").Hash,
            EventProperties: SamplePayloads.Parse("""{"x": 1}""").Hash).ToVariables();

        Assert.Equal("Shoes", Assert.IsAssignableFrom<IDictionary<string, object?>>(variables["api_trigger_properties"])["product"]);
        Assert.Equal(1L, Assert.IsAssignableFrom<IDictionary<string, object?>>(variables["event_properties"])["x"]);
    }

    [Fact]
    public void ToVariables_NoData_GivesEmptyNamespaces()
    {
        var variables = RenderData.None.ToVariables();

        Assert.Empty(Assert.IsAssignableFrom<IDictionary<string, object?>>(variables["api_trigger_properties"]));
        Assert.Empty(Assert.IsAssignableFrom<IDictionary<string, object?>>(variables["custom_attribute"]));
        Assert.False(variables.ContainsKey("campaign"));
    }

    [Fact]
    public void ToVariables_Campaign_ExposesIdsAndUnsentDispatchId()
    {
        var variables = new RenderData(Campaign: new BrazeCampaign("4861692e-6fce-4215-bd05-3254fb9e9057", "Welcome", "Variant 1")).ToVariables();

        var campaign = Assert.IsAssignableFrom<IDictionary<string, object?>>(variables["campaign"]);
        Assert.Equal("4861692e-6fce-4215-bd05-3254fb9e9057", campaign["api_id"]);
        Assert.Equal("Welcome", campaign["name"]);
        Assert.Equal("Variant 1", campaign["message_name"]);
        Assert.Equal("dispatch_id_for_unsent_campaign", campaign["dispatch_id"]);
    }

    [Fact]
    public void ToVariables_ExtraVariables_WinOverEverythingAndAreNormalised()
    {
        var data = new RenderData(
            User: new Dictionary<string, object?> { ["first_name"] = "Ana" },
            Variables: new Dictionary<string, object?> { ["first_name"] = "Bo", ["count"] = 3 });

        var variables = data.ToVariables();

        Assert.Equal("Bo", variables["first_name"]);
        Assert.Equal(3L, variables["count"]);
    }
}
