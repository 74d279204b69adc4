using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Preview;

public class PreviewApiTests(DashboardApiFactory factory) : IClassFixture<DashboardApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    private async Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> PostAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("/api/preview", content);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return (response.StatusCode, document.RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    private static string IdOf(CampaignForm campaign, Channel channel, int variant = 0) =>
        campaign.Variants[variant].Messages.Single(m => m.Channel == channel).MessageVariationId!;

    private static CampaignForm TriggeredCampaign(string name) => new()
    {
        Type = CampaignType.ApiTriggered,
        Name = name,
        Channels = [new() { Channel = Channel.Email }, new() { Channel = Channel.Sms }, new() { Channel = Channel.Webhook }],
        Variants =
        [
            new()
            {
                Name = "Variant 1",
                Percentage = 100,
                Messages =
                [
                    new()
                    {
                        Channel = Channel.Email,
                        MessageVariationId = Ids.NewId(),
                        [EmailFields.From] = "Shop <shop@example.com>",
                        [EmailFields.Subject] = "{{${first_name}}}, your {{api_trigger_properties.${product}}} shipped",
                        [EmailFields.HtmlBody] = "<p>Thanks</p>",
                    },
                    new() { Channel = Channel.Sms, MessageVariationId = Ids.NewId(), [SmsFields.Body] = "Order {{api_trigger_properties.${order_id}}} is on its way" },
                    new()
                    {
                        Channel = Channel.Webhook,
                        MessageVariationId = Ids.NewId(),
                        [WebhookFields.Url] = "https://example.com/hook",
                        WebhookHeaders = [new() { Name = "X-Campaign", Value = "{{campaign.${name}}}" }],
                        [WebhookFields.Body] = "{}",
                    },
                ],
            },
        ],
    };

    [Fact]
    public async Task Preview_Template_RendersTriggerPropertiesUserAndVariables()
    {
        var (status, body, mediaType) = await PostAsync("""
            {"template": "Hi {{${first_name}}} ({{custom_attribute.${loyalty tier}}}): {{api_trigger_properties.${product} | upcase}} x{{qty}}",
             "trigger_properties": {"product": "shoes"},
             "user": {"first_name": "Ana", "loyalty tier": "gold"},
             "variables": {"qty": 2}}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", mediaType);
        Assert.Equal("Hi Ana (gold): SHOES x2", body.GetProperty("output").GetString());
        Assert.False(body.GetProperty("aborted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("abort_reason").ValueKind);
        Assert.Equal(0, body.GetProperty("errors").GetArrayLength());
        Assert.Equal(0, body.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task Preview_EventPropertiesAndPartials_AreUsed()
    {
        var (status, body, _) = await PostAsync("""
            {"template": "{{event_properties.${x}}}-{% render 'footer', who: 'Ana' %}",
             "event_properties": {"x": "clicked"},
             "partials": {"footer": "bye {{who}}"}}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("clicked-bye Ana", body.GetProperty("output").GetString());
    }

    [Fact]
    public async Task Preview_UnknownFilter_IsAnErrorWithLineAndColumn()
    {
        var (status, body, _) = await PostAsync("""{"template": "line one\n{{ 'x' | upcas }}"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Contains("upcas", error.GetProperty("message").GetString());
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.True(error.GetProperty("column").GetInt32() > 1);
    }

    [Fact]
    public async Task Preview_MissingTriggerProperty_IsAWarningWithItsPath()
    {
        var (status, body, _) = await PostAsync("""
            {"template": "Hi {{api_trigger_properties.${product_nme}}}", "trigger_properties": {"product_name": "Shoes"}}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Hi ", body.GetProperty("output").GetString());
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray());
        Assert.Contains("product_nme", warning.GetProperty("message").GetString());
        Assert.Equal(1, warning.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Preview_VariableWithADefault_HasNoWarning()
    {
        var (status, body, _) = await PostAsync("""{"template": "Hi {{${first_name} | default: 'there'}}"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Hi there", body.GetProperty("output").GetString());
        Assert.Equal(0, body.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task Preview_AbortMessage_IsAbortedWithItsReason()
    {
        var (status, body, _) = await PostAsync("""
            {"template": "{% if api_trigger_properties.${stock} == 0 %}{% abort_message('out of stock') %}{% endif %}Buy now",
             "trigger_properties": {"stock": 0}}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("aborted").GetBoolean());
        Assert.Equal("out of stock", body.GetProperty("abort_reason").GetString());
    }

    [Fact]
    public async Task Preview_ConnectedContentWithSample_RendersTheSampleAndWarnsItWasNotCalled()
    {
        var (status, body, _) = await PostAsync("""
            {"template": "{% connected_content https://api.example.com/x :save r %}{{ r.name }}",
             "connected_content": {"https://api.example.com/x": "{\"name\": \"Ana\"}"}}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Ana", body.GetProperty("output").GetString());
        Assert.Equal(0, body.GetProperty("errors").GetArrayLength());
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray());
        Assert.Contains("connected_content is not called", warning.GetProperty("message").GetString());
        Assert.Contains("https://api.example.com/x", warning.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Preview_ConnectedContentSampleAsJsonObject_IsReadAsItsJson()
    {
        var (status, body, _) = await PostAsync("""
            {"template": "{% connected_content https://api.example.com/x :save r %}{{ r.items[1].sku }}",
             "connected_content": {"https://api.example.com/x": {"items": [{"sku": "a"}, {"sku": "b"}]}}}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("b", body.GetProperty("output").GetString());
    }

    [Fact]
    public async Task Preview_ConnectedContentWithoutSample_WarnsAndRendersNothing()
    {
        var (status, body, _) = await PostAsync("""
            {"template": "{% connected_content https://api.example.com/x :save r %}{{ r.name }}"}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("", body.GetProperty("output").GetString());
        Assert.Contains(body.GetProperty("warnings").EnumerateArray(),
            w => w.GetProperty("message").GetString()!.Contains("no sample response is set for https://api.example.com/x", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Preview_HostileRangeLoop_StopsAtTheStepLimit()
    {
        var (status, body, _) = await PostAsync("""{"template": "{% for i in (1..50000000) %}x{% endfor %}"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(0, body.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task Preview_LaxMode_ToleratesWhatStrictRejects()
    {
        const string template = "{{ 'a' | upcase: }}";

        var strict = await PostAsync(JsonSerializer.Serialize(new { template, error_mode = "strict" }));
        var lax = await PostAsync(JsonSerializer.Serialize(new { template, error_mode = "lax" }));

        Assert.NotEqual(0, strict.Body.GetProperty("errors").GetArrayLength());
        Assert.Equal(0, lax.Body.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task Preview_UnknownFilter_LaxPassesTheInputThroughAsRubyStrictReportsIt()
    {
        const string template = "Hi {{ 'ana' | upcas }}";

        var strict = await PostAsync(JsonSerializer.Serialize(new { template, error_mode = "strict" }));
        var lax = await PostAsync(JsonSerializer.Serialize(new { template, error_mode = "lax" }));

        Assert.Contains("unknown filter `upcas`", strict.Body.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal("Hi ana", lax.Body.GetProperty("output").GetString());
        Assert.Equal(0, lax.Body.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task Preview_CampaignField_RendersTheSavedTemplate()
    {
        var campaign = await factory.SaveAsync(TriggeredCampaign("Shipping " + Guid.NewGuid()));
        var variationId = IdOf(campaign, Channel.Email);

        var (status, body, _) = await PostAsync($$"""
            {"campaign_id": "{{campaign.CampaignId}}", "message_variation_id": "{{variationId}}", "channel": "email", "field": "subject",
             "trigger_properties": {"product": "boots"}, "user": {"first_name": "Ana"} }
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Ana, your boots shipped", body.GetProperty("output").GetString());
    }

    [Fact]
    public async Task Preview_CampaignWebhookHeader_SeesTheCampaignName()
    {
        var campaign = await factory.SaveAsync(TriggeredCampaign("Hooks " + Guid.NewGuid()));

        var (status, body, _) = await PostAsync($$"""
            {"campaign_id": "{{campaign.CampaignId}}", "message_variation_id": "{{IdOf(campaign, Channel.Webhook)}}",
             "channel": "webhook", "field": "webhook_headers.X-Campaign"}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(campaign.Name, body.GetProperty("output").GetString());
    }

    [Fact]
    public async Task Preview_UnknownCampaign_Is404Problem()
    {
        var (status, body, mediaType) = await PostAsync("""
            {"campaign_id": "00000000-0000-4000-8000-000000000000", "message_variation_id": "x", "channel": "sms", "field": "sms_body"}
            """);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal("No campaign has the campaign_id \"00000000-0000-4000-8000-000000000000\".", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Preview_UnknownVariant_Is404Problem()
    {
        var campaign = await factory.SaveAsync(TriggeredCampaign("Variants " + Guid.NewGuid()));

        var (status, body, _) = await PostAsync($$"""
            {"campaign_id": "{{campaign.CampaignId}}", "message_variation_id": "nope", "channel": "sms", "field": "sms_body"}
            """);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("has no variant with message_variation_id \"nope\"", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Preview_ChannelNotInCampaign_Is400NamingTheCampaignsChannels()
    {
        var campaign = await factory.SaveAsync(TriggeredCampaign("Channels " + Guid.NewGuid()));

        var (status, body, _) = await PostAsync($$"""
            {"campaign_id": "{{campaign.CampaignId}}", "message_variation_id": "{{IdOf(campaign, Channel.Email)}}", "channel": "apple_push", "field": "push_body"}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.EndsWith("has no apple_push channel; its channels: email, sms, webhook.", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Preview_ApiCampaign_Is400SayingThereIsNoTemplate()
    {
        var campaign = await factory.SaveAsync(new CampaignForm
        {
            Type = CampaignType.Api,
            Name = "Api " + Guid.NewGuid(),
            Channels = [new() { Channel = Channel.Sms, MessageVariationId = Ids.NewId() }],
        });

        var (status, body, _) = await PostAsync($$"""
            {"campaign_id": "{{campaign.CampaignId}}", "message_variation_id": "{{campaign.Channels[0].MessageVariationId}}", "channel": "sms", "field": "sms_body"}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("is an API campaign", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Preview_MalformedJson_Is400ProblemWithLineAndColumn()
    {
        var (status, body, mediaType) = await PostAsync("{\"template\": \"x\",\n  oops}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.StartsWith("The request body is not valid JSON: Line 2, column 3: ", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Preview_NoTemplateNorCampaign_Is400ValidationProblem()
    {
        var (status, body, mediaType) = await PostAsync("""{"trigger_properties": {"a": 1}}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        var messages = body.GetProperty("errors").GetProperty("template");
        Assert.Contains("Give \"template\"", messages[0].GetString());
    }

    [Fact]
    public async Task Preview_BothTemplateAndCampaign_Is400()
    {
        var (status, body, _) = await PostAsync("""{"template": "x", "campaign_id": "c", "message_variation_id": "v", "channel": "sms", "field": "sms_body"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not both", body.GetProperty("errors").GetProperty("template")[0].GetString());
    }

    [Theory]
    [InlineData("""{"template": "x", "error_mode": "loose"}""", "error_mode", "\"error_mode\" must be \"strict\" or \"lax\", not \"loose\".")]
    [InlineData("""{"template": ["x"]}""", "template", "\"template\" must be a string, not an array.")]
    [InlineData("""{"template": "x", "user": 5}""", "user", "\"user\" must be a JSON object, not a number.")]
    [InlineData("""{"template": "x", "connected_content": "https://api.example.com/x"}""", "connected_content", "\"connected_content\" must be a JSON object of URL to response, not a string.")]
    [InlineData("""{"template": "x", "connected_content": {"https://api.example.com/x": 5}}""", "connected_content", "The response for \"https://api.example.com/x\" in \"connected_content\" must be a string, or a JSON object or array, not a number.")]
    [InlineData("""{"campaign_id": "c", "message_variation_id": "v", "channel": "pager", "field": "sms_body"}""", "channel", "Unknown channel \"pager\".")]
    [InlineData("""{"campaign_id": "c", "message_variation_id": "v", "channel": "sms", "field": "subject"}""", "field", "\"subject\" is not a field of the sms channel.")]
    public async Task Preview_InvalidProperty_Is400NamingIt(string json, string property, string messageStart)
    {
        var (status, body, _) = await PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(messageStart, body.GetProperty("errors").GetProperty(property)[0].GetString());
    }

    [Fact]
    public async Task Preview_PlainTextBodyWithoutContentType_IsStillReadAsJson()
    {
        using var content = new StringContent("""{"template": "ok"}""");
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        using var response = await _client.PostAsync("/api/preview", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"output\":\"ok\"", await response.Content.ReadAsStringAsync());
    }
}
