using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Core.Messaging;

public class MessageRendererTests
{
    private readonly TemplateRenderer _engine = new(TimeProvider.System, NullLogger<TemplateRenderer>.Instance);
    private readonly MessageRenderer _renderer;

    public MessageRendererTests() => _renderer = new MessageRenderer(_engine);

    private static IDictionary<string, object?> Json(string json) => SamplePayloads.Parse(json).Hash;

    private static Campaign Campaign(params MessageContentForm[] messages)
    {
        foreach (var message in messages)
        {
            message.MessageVariationId ??= Ids.NewId();
        }
        return CampaignForms.ToCampaign(new CampaignForm
        {
            CampaignId = "4861692e-6fce-4215-bd05-3254fb9e9057",
            Type = CampaignType.ApiTriggered,
            Name = "Order shipped",
            Channels = messages.Select(m => new ChannelForm { Channel = m.Channel }).DistinctBy(c => c.Channel).ToList(),
            Variants = [new() { Name = "Variant A", Percentage = 100, Messages = [.. messages] }],
        });
    }

    private RenderedMessage Render(Campaign campaign, int variant, Channel channel, IDictionary<string, object?>? trigger, IDictionary<string, object?>? user) =>
        Render(campaign, variant, channel, new RenderData(trigger, user));

    private RenderedMessage Render(Campaign campaign, int variant, Channel channel, RenderData data) =>
        _renderer.Render(campaign, campaign.Variants[variant], channel, data);

    [Fact]
    public void Render_Email_RendersEveryFieldWithPayloadAndUser()
    {
        var campaign = Campaign(new MessageContentForm
        {
            Channel = Channel.Email, MessageVariationId = Ids.NewId(),
            [EmailFields.From] = "Shop <shop@example.com>",
            [EmailFields.Subject] = "{{${first_name}}}, your {{api_trigger_properties.${product}}} shipped",
            [EmailFields.Preheader] = "Tracking {{api_trigger_properties.order.id}}",
            [EmailFields.HtmlBody] = "<p>{% for item in api_trigger_properties.order.items %}{{item}};{% endfor %}</p>",
            [EmailFields.PlainTextBody] = "{{campaign.${name}}} / {{campaign.${message_name}}}",
        });

        var preview = Render(campaign, 0, Channel.Email,
            Json("""{"product": "boots", "order": {"id": "A1", "items": ["x", "y"]}}"""), Json("""{"first_name": "Ana"}"""));

        Assert.Equal(RenderStatus.Ok, preview.Status);
        Assert.Equal("Shop <shop@example.com>", preview["from"]!.Result.Output);
        Assert.Equal("Ana, your boots shipped", preview["subject"]!.Result.Output);
        Assert.Equal("Tracking A1", preview["preheader"]!.Result.Output);
        Assert.Equal("<p>x;y;</p>", preview["html_body"]!.Result.Output);
        Assert.Equal("Order shipped / Variant A", preview["plain_text_body"]!.Result.Output);
        Assert.Equal("", preview["reply_to"]!.Result.Output);
    }

    [Fact]
    public void Render_Sms_CountsSegmentsOnTheRenderedText()
    {
        var campaign = Campaign(new MessageContentForm { Channel = Channel.Sms, MessageVariationId = Ids.NewId(), [SmsFields.Body] = "Hi {{api_trigger_properties.${name}}}!" });

        var preview = Render(campaign, 0, Channel.Sms, Json("""{"name": "Zoë 🎉"}"""), null);

        Assert.Equal("Hi Zoë 🎉!", preview["sms_body"]!.Result.Output);
        Assert.NotNull(preview.Sms);
        Assert.Equal(SmsEncoding.Ucs2, preview.Sms.Encoding);
        Assert.Equal(["ë", "🎉"], preview.Sms.Ucs2Characters);
        Assert.Equal(1, preview.Sms.Segments);
    }

    [Fact]
    public void Render_ApplePush_MeasuresRenderedTitleAndBodyAgainstAppleLimit()
    {
        var campaign = Campaign(new MessageContentForm
        {
            Channel = Channel.ApplePush, MessageVariationId = Ids.NewId(),
            [PushFields.Title] = "Hello",
            [PushFields.Body] = "{% for i in (1..400) %}words{% endfor %}",
        });

        var preview = Render(campaign, 0, Channel.ApplePush, RenderData.None);

        Assert.NotNull(preview.Push);
        Assert.Equal(5 + 2000, preview.Push.Bytes);
        Assert.Equal(1912, preview.Push.Limit);
        Assert.True(preview.Push.Exceeds);
    }

    [Fact]
    public void Render_Webhook_RendersUrlHeadersAndBodyAndKeepsTheMethod()
    {
        var campaign = Campaign(new MessageContentForm
        {
            Channel = Channel.Webhook, MessageVariationId = Ids.NewId(),
            [WebhookFields.Method] = "PUT",
            [WebhookFields.Url] = "https://example.com/orders/{{api_trigger_properties.${id}}}",
            WebhookHeaders = [new() { Name = "Authorization", Value = "Bearer {{api_trigger_properties.${token}}}" }],
            [WebhookFields.Body] = """{"user": "{{${user_id}}}"}""",
        });

        var preview = Render(campaign, 0, Channel.Webhook, Json("""{"id": 7, "token": "t0k"}"""), Json("""{"user_id": "u-1"}"""));

        Assert.Equal("PUT", Assert.IsType<WebhookMessage>(preview.Message).Method);
        Assert.Equal(["webhook_url", "webhook_headers.Authorization", "webhook_body"], preview.Fields.Select(f => f.Field));
        Assert.Equal("https://example.com/orders/7", preview["webhook_url"]!.Result.Output);
        Assert.Equal("Bearer t0k", preview["webhook_headers.Authorization"]!.Result.Output);
        Assert.Equal("""{"user": "u-1"}""", preview["webhook_body"]!.Result.Output);
    }

    [Fact]
    public void Render_ContentCard_RendersCardFieldsAndKeepsTheType()
    {
        var campaign = Campaign(new MessageContentForm
        {
            Channel = Channel.ContentCard, MessageVariationId = Ids.NewId(),
            [ContentCardFields.Type] = nameof(ContentCardType.CaptionedImage),
            [ContentCardFields.Title] = "{{api_trigger_properties.${title} | upcase}}",
            [ContentCardFields.Description] = "For {{${first_name} | default: 'you'}}",
            [ContentCardFields.ImageUrl] = "https://example.com/a.png",
        });

        var preview = Render(campaign, 0, Channel.ContentCard, Json("""{"title": "sale"}"""), null);

        Assert.Equal(ContentCardType.CaptionedImage, Assert.IsType<ContentCardMessage>(preview.Message).CardType);
        Assert.Equal("SALE", preview["card_title"]!.Result.Output);
        Assert.Equal("For you", preview["card_description"]!.Result.Output);
    }

    [Fact]
    public void Render_MissingPayloadKey_IsMissingVariablesWithItsPath()
    {
        var campaign = Campaign(new MessageContentForm { Channel = Channel.Sms, MessageVariationId = Ids.NewId(), [SmsFields.Body] = "Hi {{api_trigger_properties.${product_nme}}}" });

        var preview = Render(campaign, 0, Channel.Sms, Json("""{"product_name": "boots"}"""), null);

        Assert.Equal(RenderStatus.MissingVariables, preview.Status);
        Assert.Equal(["api_trigger_properties.${product_nme}"], preview.MissingVariables);
        Assert.NotEmpty(preview["sms_body"]!.Result.Warnings);
    }

    [Fact]
    public void Render_ParseError_IsErrorWithPositionAndOtherFieldsStillRender()
    {
        var campaign = Campaign(new MessageContentForm
        {
            Channel = Channel.Email, MessageVariationId = Ids.NewId(),
            [EmailFields.From] = "shop@example.com",
            [EmailFields.Subject] = "Hi\n{{ 'x' | upcas }}",
            [EmailFields.HtmlBody] = "fine",
        });

        var preview = Render(campaign, 0, Channel.Email, RenderData.None);

        Assert.Equal(RenderStatus.Error, preview.Status);
        var error = Assert.Single(preview["subject"]!.Result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("upcas", error.Message);
        Assert.Equal("fine", preview["html_body"]!.Result.Output);
        Assert.Equal(RenderStatus.Ok, preview["html_body"]!.Status);
    }

    [Fact]
    public void Render_AbortMessage_IsAbortedWithReason()
    {
        var campaign = Campaign(new MessageContentForm
        {
            Channel = Channel.Sms, MessageVariationId = Ids.NewId(),
            [SmsFields.Body] = "{% if api_trigger_properties.${stock} < 1 %}{% abort_message('sold out') %}{% endif %}Buy",
        });

        var preview = Render(campaign, 0, Channel.Sms, Json("""{"stock": 0}"""), null);

        Assert.Equal(RenderStatus.Aborted, preview.Status);
        Assert.Equal("sold out", preview["sms_body"]!.Result.AbortReason);
    }

    [Fact]
    public void Render_Again_DoesNotReparseUnchangedFields()
    {
        var message = new MessageContentForm
        {
            Channel = Channel.Email, MessageVariationId = Ids.NewId(),
            [EmailFields.From] = "shop@example.com",
            [EmailFields.Subject] = "Subject {{${first_name}}}",
            [EmailFields.HtmlBody] = "Body " + Guid.NewGuid(),
        };
        Render(Campaign(message), 0, Channel.Email, RenderData.None);
        var subject = _engine.Parse(message[EmailFields.Subject]!, LiquidErrorMode.Strict);
        var body = _engine.Parse(message[EmailFields.HtmlBody]!, LiquidErrorMode.Strict);

        message[EmailFields.HtmlBody] += " edited";
        var preview = Render(Campaign(message), 0, Channel.Email, Json("""{"x": 1}"""), Json("""{"first_name": "Bo"}"""));

        Assert.Same(subject, _engine.Parse(message[EmailFields.Subject]!, LiquidErrorMode.Strict));
        Assert.NotSame(body, _engine.Parse(message[EmailFields.HtmlBody]!, LiquidErrorMode.Strict));
        Assert.EndsWith(" edited", preview["html_body"]!.Result.Output);
        Assert.Equal("Subject Bo", preview["subject"]!.Result.Output);
    }

    [Fact]
    public void Render_ChannelWithoutMessageYet_RendersEmptyFields()
    {
        var campaign = Campaign(new MessageContentForm { Channel = Channel.Sms, MessageVariationId = Ids.NewId(), [SmsFields.Body] = "x" });

        var preview = Render(campaign, 0, Channel.AndroidPush, RenderData.None);

        Assert.Equal(RenderStatus.Ok, preview.Status);
        Assert.All(preview.Fields, f => Assert.Equal("", f.Result.Output));
        Assert.Equal(4000, preview.Push!.Limit);
    }

    [Fact]
    public void RenderMatrix_TwoVariantsTwoSamples_GivesFourCellsWithTheirStatus()
    {
        var form = new CampaignForm
        {
            CampaignId = Ids.NewId(),
            Type = CampaignType.ApiTriggered,
            Name = "Order shipped",
            Channels = [new ChannelForm { Channel = Channel.Sms }],
            Variants =
            [
                new() { Name = "Variant A", Percentage = 50, Messages = [new() { Channel = Channel.Sms, MessageVariationId = Ids.NewId(), [SmsFields.Body] = "Hi {{api_trigger_properties.${name}}}" }] },
                new() { Name = "Variant B", Percentage = 50, Messages = [new() { Channel = Channel.Sms, MessageVariationId = Ids.NewId(), [SmsFields.Body] = "{{ api_trigger_properties.${name} | divided_by: 0 }}" }] },
            ],
        };
        Dashboard.Preview.PreviewSample[] samples =
        [
            new("Full", new RenderData(Json("""{"name": "Ana"}"""))),
            new("Empty", RenderData.None),
        ];

        var cells = Dashboard.Preview.PreviewMatrix.Render(_renderer, CampaignForms.ToCampaign(form), Channel.Sms, samples);

        Assert.Equal(
            [("Variant A", "Full", RenderStatus.Ok), ("Variant A", "Empty", RenderStatus.MissingVariables),
             ("Variant B", "Full", RenderStatus.Error), ("Variant B", "Empty", RenderStatus.Error)],
            cells.Select(c => (c.VariantName, c.SampleName, c.Status)));
        Assert.Equal("Hi Ana", cells[0].Preview["sms_body"]!.Result.Output);
    }

    [Fact]
    public void TemplateErrors_BrokenFields_AreKeyedByVariantChannelAndProperty()
    {
        var campaign = Campaign(
            new MessageContentForm { Channel = Channel.Email, MessageVariationId = Ids.NewId(), [EmailFields.From] = "a@example.com", [EmailFields.Subject] = "Hi {{ 'x' | upcas }}", [EmailFields.HtmlBody] = "{% if %}" },
            new MessageContentForm
            {
                Channel = Channel.Webhook, MessageVariationId = Ids.NewId(),
                [WebhookFields.Url] = "https://example.com",
                WebhookHeaders = [new() { Name = "X-A", Value = "{{ a | nope }}" }],
            });

        var errors = new TemplateRules(_engine).ParseErrors(campaign);

        Assert.Equal(["Variants[0].Email.subject", "Variants[0].Email.html_body", "Variants[0].Webhook.webhook_headers"], errors.Keys);
        Assert.StartsWith("Subject: unknown filter `upcas` at line 1, column ", errors.For("Variants[0].Email.subject"));
        Assert.StartsWith("Header X-A: ", errors.For("Variants[0].Webhook.webhook_headers"));
    }

    [Fact]
    public void TemplateErrors_ValidTemplatesAndMissingData_AreNoErrors()
    {
        var campaign = Campaign(new MessageContentForm { Channel = Channel.Sms, MessageVariationId = Ids.NewId(), [SmsFields.Body] = "{{ api_trigger_properties.${a} | divided_by: 0 }}" });

        Assert.Empty(new TemplateRules(_engine).ParseErrors(campaign));
    }
}
