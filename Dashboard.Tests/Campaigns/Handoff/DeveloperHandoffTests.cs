using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Dashboard.Campaigns.Handoff;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Campaigns.Handoff;

public class DeveloperHandoffTests
{
    private static readonly TemplateRules Templates = new(new TemplateRenderer(TimeProvider.System, NullLogger<TemplateRenderer>.Instance));

    private static Campaign ApiWithEveryChannel()
    {
        var form = SampleCampaigns.Api();
        form.Channels = ChannelInfo.All.Select(c => new ChannelForm { Channel = c, MessageVariationId = Ids.NewId() }).ToList();
        return CampaignForms.ToCampaign(form, "4861692e-6fce-4215-bd05-3254fb9e9057");
    }

    private static Campaign Triggered(Action<CampaignForm>? change = null)
    {
        var form = SampleCampaigns.Triggered();
        change?.Invoke(form);
        return CampaignForms.ToCampaign(form, "4861692e-6fce-4215-bd05-3254fb9e9057");
    }

    private static IReadOnlyList<string> Paths(Campaign campaign) => Templates.TriggerPropertyPaths(campaign).Select(TriggerProperties.Describe).ToList();

    private static IReadOnlyList<string> Paths(string template) =>
        LiquidVariables.Collect([LiquidTemplate.Parse(template).Template!], "api_trigger_properties").Select(TriggerProperties.Describe).ToList();

    private static IReadOnlyList<IReadOnlyList<string>> Keys(params string[] dotted) => dotted.Select(d => (IReadOnlyList<string>)d.Split('.')).ToList();

    [Fact]
    public void MessagesSendJson_HasCampaignIdUserExampleAndOneObjectPerChannel()
    {
        var campaign = ApiWithEveryChannel();

        using var json = JsonDocument.Parse(DeveloperHandoff.MessagesSendJson(campaign));
        var root = json.RootElement;

        Assert.Equal("4861692e-6fce-4215-bd05-3254fb9e9057", root.GetProperty("campaign_id").GetString());
        Assert.Equal(DeveloperHandoff.ExampleExternalUserId, Assert.Single(root.GetProperty("external_user_ids").EnumerateArray()).GetString());
        var messages = root.GetProperty("messages");
        Assert.Equal(
            ["apple_push", "android_push", "kindle_push", "web_push", "email", "sms", "webhook", "content_card"],
            messages.EnumerateObject().Select(p => p.Name));
        foreach (var channel in campaign.ApiChannels)
        {
            Assert.Equal(channel.MessageVariationId, messages.GetProperty(ChannelInfo.ApiKey(channel.Channel)).GetProperty("message_variation_id").GetString());
        }
    }

    [Theory]
    [InlineData("email", new[] { "message_variation_id", "app_id", "from", "body" })]
    [InlineData("sms", new[] { "message_variation_id", "subscription_group_id", "app_id", "body" })]
    [InlineData("apple_push", new[] { "message_variation_id", "alert" })]
    [InlineData("android_push", new[] { "message_variation_id", "title", "alert" })]
    [InlineData("kindle_push", new[] { "message_variation_id", "title", "alert" })]
    [InlineData("web_push", new[] { "message_variation_id", "title", "alert" })]
    [InlineData("webhook", new[] { "message_variation_id", "url", "request_method" })]
    [InlineData("content_card", new[] { "message_variation_id", "type", "title", "description" })]
    public void MessagesSendJson_EachChannel_CarriesTheFieldsTheApiRequires(string key, string[] fields)
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
    public void MessagesSendCurl_PostsToEndpointWithHeadersAndQuotedBody()
    {
        var campaign = ApiWithEveryChannel();

        var curl = DeveloperHandoff.MessagesSendCurl(campaign, "https://rest.iad-01.braze.com/");

        var lines = curl.Split('\n');
        Assert.Equal("curl -X POST 'https://rest.iad-01.braze.com/messages/send' \\", lines[0]);
        Assert.Contains("  -H 'Content-Type: application/json' \\", lines);
        Assert.Contains("  -H 'Authorization: Bearer YOUR-REST-API-KEY' \\", lines);
        Assert.StartsWith("  --data-raw '{", lines[3]);
        Assert.EndsWith("}'", curl);
        var body = curl[(curl.IndexOf("--data-raw '", StringComparison.Ordinal) + 12)..^1];
        Assert.Equal(DeveloperHandoff.MessagesSendJson(campaign), body);
    }

    [Fact]
    public void TriggerSendCurl_EscapesSingleQuotesForTheShell()
    {
        var campaign = Triggered(f => f.Variants[0].Messages[0][EmailFields.Subject] = "{{api_trigger_properties[\"it's\"]}}");

        var curl = DeveloperHandoff.TriggerSendCurl(campaign, Templates.TriggerPropertyPaths(campaign), "https://rest.fra-01.braze.eu");

        Assert.StartsWith("curl -X POST 'https://rest.fra-01.braze.eu/campaigns/trigger/send' \\\n", curl);
        Assert.Contains("\"it'\\''s\": \"sample it'\\''s\"", curl);
        // Undo the shell quoting and the body parses as JSON again.
        var body = curl[(curl.IndexOf("--data-raw '", StringComparison.Ordinal) + 12)..^1].Replace("'\\''", "'");
        using var json = JsonDocument.Parse(body);
        Assert.Equal("sample it's", json.RootElement.GetProperty("trigger_properties").GetProperty("it's").GetString());
    }

    [Fact]
    public void TriggerSendJson_HasCampaignIdRecipientAndNestedTriggerProperties()
    {
        var campaign = Triggered();

        using var json = JsonDocument.Parse(DeveloperHandoff.TriggerSendJson(campaign, Keys("product_name", "price.amount", "price.currency", "user.address.city")));
        var root = json.RootElement;

        Assert.Equal("4861692e-6fce-4215-bd05-3254fb9e9057", root.GetProperty("campaign_id").GetString());
        var recipient = Assert.Single(root.GetProperty("recipients").EnumerateArray());
        Assert.Equal(DeveloperHandoff.ExampleExternalUserId, recipient.GetProperty("external_user_id").GetString());
        var properties = root.GetProperty("trigger_properties");
        Assert.Equal(["product_name", "price", "user"], properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["amount", "currency"], properties.GetProperty("price").EnumerateObject().Select(p => p.Name));
        Assert.Equal("sample city", properties.GetProperty("user").GetProperty("address").GetProperty("city").GetString());
    }

    [Fact]
    public void TriggerSendJson_LoopedKeys_BecomeAnArrayOfObjects()
    {
        using var json = JsonDocument.Parse(DeveloperHandoff.TriggerSendJson(Triggered(), [["items", "[]", "name"], ["items", "[]", "price"]]));

        var item = Assert.Single(json.RootElement.GetProperty("trigger_properties").GetProperty("items").EnumerateArray());

        Assert.Equal("sample name", item.GetProperty("name").GetString());
        Assert.Equal("sample price", item.GetProperty("price").GetString());
    }

    [Fact]
    public void TriggerSendJson_NoProperties_IsAnEmptyObject()
    {
        using var json = JsonDocument.Parse(DeveloperHandoff.TriggerSendJson(Triggered(), []));

        Assert.Empty(json.RootElement.GetProperty("trigger_properties").EnumerateObject());
    }

    [Fact]
    public void TriggerPropertyPaths_SampleCampaign_FindsEveryKeyOnceInOrder()
    {
        Assert.Equal(["item_count", "product_name", "price.amount", "cart_url", "basket_id", "shop.id"], Paths(Triggered()));
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
    [InlineData("{% for item in api_trigger_properties.${items} %}{{item.name}}{% endfor %}", "items[].name")]
    [InlineData("{{api_trigger_properties.${items}[0].name}}", "items[].name")]
    [InlineData("{{api_trigger_properties.${items}.size}}", "items")]
    [InlineData("{% assign o = api_trigger_properties.order %}{{ o.total }}", "order.total")]
    public void TriggerPropertyPaths_Template_FindsTheKeyAsTheEngineReadsIt(string template, string path) =>
        Assert.Equal([path], Paths(template));

    [Theory]
    [InlineData("Hello {{${first_name}}}")]
    [InlineData("{{event_properties.${product_name}}}")]
    [InlineData("{{custom_attribute.${api_trigger_properties}}}")]
    [InlineData("my_api_trigger_properties.x")]
    [InlineData("{{api_trigger_properties}}")]
    public void TriggerPropertyPaths_OtherVariables_AreNotTriggerKeys(string template) =>
        Assert.Empty(Paths(template));

    [Fact]
    public void TriggerPropertyPaths_SeveralInOneTemplate_AreAllFound()
    {
        const string template = "Hi {{${first_name}}}, {{api_trigger_properties.${a}}} and {{api_trigger_properties.b.c}} {% if api_trigger_properties['d'] %}{% endif %}";

        Assert.Equal(["a", "b.c", "d"], Paths(template));
    }

    [Fact]
    public void TriggerPropertyPaths_ScansEveryFieldOfEveryVariant_OnlyForCampaignChannels()
    {
        var campaign = Triggered(form =>
        {
            var b = form.Variants[1];
            b.Messages.Single(m => m.Channel == Channel.ContentCard)[ContentCardFields.Description] = "{{api_trigger_properties.${only_in_b}}}";
            b.Messages.Single(m => m.Channel == Channel.Webhook)[WebhookFields.Body] = "{\"x\": \"{{api_trigger_properties.${webhook_body}}}\"}";
            b.Messages.Single(m => m.Channel == Channel.AndroidPush)[PushFields.DeepLink] = "shop://p/{{api_trigger_properties.${deep}}}";
            b.Messages.Add(new MessageContentForm { Channel = Channel.KindlePush, MessageVariationId = Ids.NewId(), [PushFields.Body] = "{{api_trigger_properties.${not_a_campaign_channel}}}" });
        });

        var paths = Paths(campaign);

        Assert.Contains("only_in_b", paths);
        Assert.Contains("webhook_body", paths);
        Assert.Contains("deep", paths);
        Assert.DoesNotContain("not_a_campaign_channel", paths);
    }

    [Fact]
    public void TriggerPropertyPaths_TemplateWithAnError_StillListsItsKeys()
    {
        var campaign = Triggered(f => f.Variants[0].Messages[0][EmailFields.Subject] = "{{api_trigger_properties.${typo_key} | upcas}}");

        Assert.Contains("typo_key", Paths(campaign));
    }

    [Theory]
    [InlineData("https://brazelite.example.com/", "https://brazelite.example.com", true)]
    [InlineData(null, "http://127.0.0.1:5180", true)]
    [InlineData("  ", "http://127.0.0.1:5180", true)]
    [InlineData("brazelite.example.com", null, false)]
    [InlineData("https://brazelite.example.com/?x=1", null, false)]
    public void HandoffOptions_PublicUrl_IsAnAbsoluteUrlOrTheDashboardsOwnAddress(string? configured, string? baseUrl, bool valid)
    {
        var options = new HandoffOptions { PublicUrl = configured };

        var results = new List<ValidationResult>();
        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        if (valid)
        {
            Assert.Equal(baseUrl, options.BaseUrl("http://127.0.0.1:5180/"));
        }
        else
        {
            Assert.StartsWith("PublicUrl must be an absolute http(s) URL without a query", Assert.Single(results).ErrorMessage);
        }
    }
}
