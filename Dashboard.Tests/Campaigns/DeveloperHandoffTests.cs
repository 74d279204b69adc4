using System.Text.Json;
using Dashboard.Campaigns;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Tests.Campaigns;

public class DeveloperHandoffTests
{
    private static CampaignForm ApiWithEveryChannel()
    {
        var form = SampleCampaigns.Api();
        form.CampaignId = "4861692e-6fce-4215-bd05-3254fb9e9057";
        form.Channels = ChannelInfo.All.Select(c => new ChannelForm { Channel = c, MessageVariationId = Ids.NewId() }).ToList();
        return form;
    }

    [Fact]
    public void MessagesSendJson_HasCampaignIdUserExampleAndOneObjectPerChannel()
    {
        var form = ApiWithEveryChannel();

        using var json = JsonDocument.Parse(DeveloperHandoff.MessagesSendJson(form));
        var root = json.RootElement;

        Assert.Equal("4861692e-6fce-4215-bd05-3254fb9e9057", root.GetProperty("campaign_id").GetString());
        Assert.Equal(DeveloperHandoff.ExampleExternalUserId, Assert.Single(root.GetProperty("external_user_ids").EnumerateArray()).GetString());
        var messages = root.GetProperty("messages");
        Assert.Equal(
            ["apple_push", "android_push", "kindle_push", "web_push", "email", "sms", "webhook", "content_card"],
            messages.EnumerateObject().Select(p => p.Name));
        foreach (var channel in form.Channels)
        {
            Assert.Equal(channel.MessageVariationId, messages.GetProperty(ChannelInfo.ApiKey(channel.Channel)).GetProperty("message_variation_id").GetString());
        }
    }

    [Theory]
    [InlineData("email", new[] { "message_variation_id", "app_id", "from", "subject", "body" })]
    [InlineData("sms", new[] { "message_variation_id", "subscription_group_id", "app_id", "body" })]
    [InlineData("apple_push", new[] { "message_variation_id", "alert" })]
    [InlineData("android_push", new[] { "message_variation_id", "alert", "title" })]
    [InlineData("kindle_push", new[] { "message_variation_id", "alert", "title" })]
    [InlineData("web_push", new[] { "message_variation_id", "alert", "title" })]
    [InlineData("webhook", new[] { "message_variation_id", "url", "request_method", "body" })]
    [InlineData("content_card", new[] { "message_variation_id", "type", "title", "description" })]
    public void MessagesSendJson_EachChannel_CarriesItsRequiredFields(string key, string[] fields)
    {
        using var json = JsonDocument.Parse(DeveloperHandoff.MessagesSendJson(ApiWithEveryChannel()));

        var message = json.RootElement.GetProperty("messages").GetProperty(key);

        Assert.Equal(fields, message.EnumerateObject().Select(p => p.Name));
        Assert.All(message.EnumerateObject(), p => Assert.False(string.IsNullOrWhiteSpace(p.Value.GetString())));
    }

    [Fact]
    public void MessagesSendJson_PlaceholdersAreReadable_NotEscaped()
    {
        var json = DeveloperHandoff.MessagesSendJson(ApiWithEveryChannel());

        Assert.Contains("\"from\": \"Sender Name <sender@example.com>\"", json);
        Assert.Contains("\"type\": \"CLASSIC\"", json);
        Assert.Contains("\"request_method\": \"POST\"", json);
        Assert.Contains('\n', json);
    }

    [Fact]
    public void MessagesSendJson_UnsavedCampaign_ShowsPlaceholderId()
    {
        using var json = JsonDocument.Parse(DeveloperHandoff.MessagesSendJson(SampleCampaigns.Api()));

        Assert.Equal("YOUR-CAMPAIGN-ID", json.RootElement.GetProperty("campaign_id").GetString());
    }

    [Fact]
    public void MessagesSendCurl_PostsToEndpointWithHeadersAndQuotedBody()
    {
        var form = ApiWithEveryChannel();

        var curl = DeveloperHandoff.MessagesSendCurl(form, "https://rest.iad-01.braze.com/");

        var lines = curl.Split('\n');
        Assert.Equal("curl -X POST 'https://rest.iad-01.braze.com/messages/send' \\", lines[0]);
        Assert.Contains("  -H 'Content-Type: application/json' \\", lines);
        Assert.Contains("  -H 'Authorization: Bearer YOUR-REST-API-KEY' \\", lines);
        Assert.StartsWith("  --data-raw '{", lines[3]);
        Assert.EndsWith("}'", curl);
        var body = curl[(curl.IndexOf("--data-raw '", StringComparison.Ordinal) + 12)..^1];
        Assert.Equal(DeveloperHandoff.MessagesSendJson(form), body);
    }

    [Fact]
    public void TriggerSendCurl_EscapesSingleQuotesForTheShell()
    {
        var form = SampleCampaigns.Triggered();
        form.Variants[0].Messages[0].Subject = "{{api_trigger_properties.${it's}}}";

        var curl = DeveloperHandoff.TriggerSendCurl(form, DeveloperHandoff.TriggerPropertyPaths(form), "https://rest.fra-01.braze.eu");

        Assert.StartsWith("curl -X POST 'https://rest.fra-01.braze.eu/campaigns/trigger/send' \\\n", curl);
        Assert.Contains("\"it'\\''s\": \"example\"", curl);
        // Undo the shell quoting and the body parses as JSON again.
        var body = curl[(curl.IndexOf("--data-raw '", StringComparison.Ordinal) + 12)..^1].Replace("'\\''", "'");
        using var json = JsonDocument.Parse(body);
        Assert.Equal("example", json.RootElement.GetProperty("trigger_properties").GetProperty("it's").GetString());
    }

    [Fact]
    public void TriggerSendJson_HasCampaignIdRecipientAndNestedTriggerProperties()
    {
        var form = SampleCampaigns.Triggered();
        form.CampaignId = "4861692e-6fce-4215-bd05-3254fb9e9057";

        using var json = JsonDocument.Parse(DeveloperHandoff.TriggerSendJson(form, ["product_name", "price.amount", "price.currency", "user.address.city"]));
        var root = json.RootElement;

        Assert.Equal("4861692e-6fce-4215-bd05-3254fb9e9057", root.GetProperty("campaign_id").GetString());
        var recipient = Assert.Single(root.GetProperty("recipients").EnumerateArray());
        Assert.Equal(DeveloperHandoff.ExampleExternalUserId, recipient.GetProperty("external_user_id").GetString());
        var properties = root.GetProperty("trigger_properties");
        Assert.Equal(["product_name", "price", "user"], properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["amount", "currency"], properties.GetProperty("price").EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.String, properties.GetProperty("user").GetProperty("address").GetProperty("city").ValueKind);
    }

    [Fact]
    public void TriggerSendJson_KeyUsedWholeAndNested_BecomesAnObject()
    {
        using var json = JsonDocument.Parse(DeveloperHandoff.TriggerSendJson(SampleCampaigns.Triggered(), ["order", "order.total", "order"]));

        var order = json.RootElement.GetProperty("trigger_properties").GetProperty("order");

        Assert.Equal(JsonValueKind.Object, order.ValueKind);
        Assert.Equal("example", order.GetProperty("total").GetString());
    }

    [Fact]
    public void TriggerSendJson_NoProperties_IsAnEmptyObject()
    {
        using var json = JsonDocument.Parse(DeveloperHandoff.TriggerSendJson(SampleCampaigns.Triggered(), []));

        Assert.Empty(json.RootElement.GetProperty("trigger_properties").EnumerateObject());
    }

    [Fact]
    public void TriggerPropertyPaths_SampleCampaign_FindsEveryKeyOnceInOrder()
    {
        var paths = DeveloperHandoff.TriggerPropertyPaths(SampleCampaigns.Triggered());

        Assert.Equal(["item_count", "product_name", "price.amount", "cart_url", "basket_id", "shop.id"], paths);
    }

    [Theory]
    [InlineData("{{api_trigger_properties.${product_name}}}", "product_name")]
    [InlineData("{{ api_trigger_properties.${ loyalty tier } }}", "loyalty tier")]
    [InlineData("{{api_trigger_properties.product_name | upcase}}", "product_name")]
    [InlineData("{{api_trigger_properties['product name']}}", "product name")]
    [InlineData("{{api_trigger_properties[\"sku\"]}}", "sku")]
    [InlineData("{{api_trigger_properties.${order}.${total}}}", "order.total")]
    [InlineData("{{api_trigger_properties.order.shipping.city}}", "order.shipping.city")]
    [InlineData("{{api_trigger_properties['order'].total}}", "order.total")]
    [InlineData("{% if api_trigger_properties.${vip} %}VIP{% endif %}", "vip")]
    [InlineData("{% assign n = api_trigger_properties.${items} | size %}", "items")]
    [InlineData("{% for item in api_trigger_properties.${items} %}{{item.name}}{% endfor %}", "items")]
    [InlineData("{{api_trigger_properties.${items}[0].name}}", "items")]
    [InlineData("{{api_trigger_properties.${items}.size}}", "items")]
    [InlineData("{{api_trigger_properties.${items}.first}}", "items")]
    public void TriggerPropertyPaths_Template_FindsTheKey(string template, string path) =>
        Assert.Equal([path], DeveloperHandoff.TriggerPropertyPaths(template));

    [Theory]
    [InlineData("Hello {{${first_name}}}")]
    [InlineData("{{event_properties.${product_name}}}")]
    [InlineData("{{custom_attribute.${api_trigger_properties}}}")]
    [InlineData("my_api_trigger_properties.x")]
    [InlineData("{{api_trigger_properties}}")]
    public void TriggerPropertyPaths_OtherVariables_AreNotTriggerKeys(string template) =>
        Assert.Empty(DeveloperHandoff.TriggerPropertyPaths(template));

    [Fact]
    public void TriggerPropertyPaths_SeveralInOneTemplate_AreAllFound()
    {
        const string template = "Hi {{${first_name}}}, {{api_trigger_properties.${a}}} and {{api_trigger_properties.b.c}} {% if api_trigger_properties['d'] %}{% endif %}";

        Assert.Equal(["a", "b.c", "d"], DeveloperHandoff.TriggerPropertyPaths(template));
    }

    [Fact]
    public void TriggerPropertyPaths_ScansEveryFieldOfEveryVariant_OnlyForCampaignChannels()
    {
        var form = SampleCampaigns.Triggered();
        var b = form.Variants[1];
        b.Messages.Single(m => m.Channel == Channel.ContentCard).CardDescription = "{{api_trigger_properties.${only_in_b}}}";
        b.Messages.Single(m => m.Channel == Channel.Webhook).WebhookBody = "{\"x\": \"{{api_trigger_properties.${webhook_body}}}\"}";
        b.Messages.Single(m => m.Channel == Channel.AndroidPush).DeepLink = "shop://p/{{api_trigger_properties.${deep}}}";
        b.Messages.Add(new MessageContentForm { Channel = Channel.KindlePush, PushBody = "{{api_trigger_properties.${not_a_campaign_channel}}}" });

        var paths = DeveloperHandoff.TriggerPropertyPaths(form);

        Assert.Contains("only_in_b", paths);
        Assert.Contains("webhook_body", paths);
        Assert.Contains("deep", paths);
        Assert.DoesNotContain("not_a_campaign_channel", paths);
    }

    [Fact]
    public void ApiCampaignNotes_NameTheGlobalControlGroupAndBothUnsubscribeHeaders()
    {
        Assert.Contains("Global Control Group", DeveloperHandoff.ApiCampaignNotes);
        Assert.Contains("List-Unsubscribe: <{{${set_user_to_one_click_list_unsubscribe}}}>", DeveloperHandoff.ApiCampaignNotes);
        Assert.Contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click", DeveloperHandoff.ApiCampaignNotes);
        Assert.Contains("email.headers", DeveloperHandoff.ApiCampaignNotes);
    }

    [Theory]
    [InlineData(null, "https://rest.iad-01.braze.com")]
    [InlineData("https://rest.fra-01.braze.eu/", "https://rest.fra-01.braze.eu")]
    public void HandoffOptions_FromConfiguration_UsesSettingOrDefault(string? configured, string expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Handoff:RestEndpoint"] = configured })
            .Build();

        Assert.Equal(expected, HandoffOptions.From(configuration).RestEndpoint);
    }
}
