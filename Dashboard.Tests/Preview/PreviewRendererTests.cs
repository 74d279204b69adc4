using Dashboard.Campaigns;
using Dashboard.Preview;

namespace Dashboard.Tests.Preview;

public class PreviewRendererTests
{
    private readonly LiquidPreviewEngine _engine = new(TimeProvider.System);
    private readonly PreviewRenderer _renderer;

    public PreviewRendererTests() => _renderer = new PreviewRenderer(_engine);

    private static IDictionary<string, object?> Json(string json) => SamplePayloads.Parse(json).Hash;

    private static CampaignForm Campaign(params MessageContentForm[] messages) => new()
    {
        CampaignId = "4861692e-6fce-4215-bd05-3254fb9e9057",
        Type = CampaignType.ApiTriggered,
        Name = "Order shipped",
        Channels = messages.Select(m => new ChannelForm { Channel = m.Channel }).DistinctBy(c => c.Channel).ToList(),
        Variants = [new() { Name = "Variant A", VariationId = Ids.NewId(), Percentage = 100, Messages = [.. messages] }],
    };

    [Fact]
    public void Render_Email_RendersEveryFieldWithPayloadAndUser()
    {
        var campaign = Campaign(new MessageContentForm
        {
            Channel = Channel.Email,
            From = "Shop <shop@example.com>",
            Subject = "{{${first_name}}}, your {{api_trigger_properties.${product}}} shipped",
            Preheader = "Tracking {{api_trigger_properties.order.id}}",
            HtmlBody = "<p>{% for item in api_trigger_properties.order.items %}{{item}};{% endfor %}</p>",
            PlainTextBody = "{{campaign.${name}}} / {{campaign.${message_name}}}",
        });

        var preview = _renderer.Render(campaign, 0, Channel.Email,
            Json("""{"product": "boots", "order": {"id": "A1", "items": ["x", "y"]}}"""), Json("""{"first_name": "Ana"}"""));

        Assert.Equal(PreviewStatus.Ok, preview.Status);
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
        var campaign = Campaign(new MessageContentForm { Channel = Channel.Sms, SmsBody = "Hi {{api_trigger_properties.${name}}}!" });

        var preview = _renderer.Render(campaign, 0, Channel.Sms, Json("""{"name": "Zoë 🎉"}"""), null);

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
            Channel = Channel.ApplePush,
            PushTitle = "Hello",
            PushBody = "{% for i in (1..400) %}words{% endfor %}",
        });

        var preview = _renderer.Render(campaign, 0, Channel.ApplePush, PreviewData.None);

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
            Channel = Channel.Webhook,
            WebhookMethod = "PUT",
            WebhookUrl = "https://example.com/orders/{{api_trigger_properties.${id}}}",
            WebhookHeaders = [new() { Name = "Authorization", Value = "Bearer {{api_trigger_properties.${token}}}" }],
            WebhookBody = """{"user": "{{${user_id}}}"}""",
        });

        var preview = _renderer.Render(campaign, 0, Channel.Webhook, Json("""{"id": 7, "token": "t0k"}"""), Json("""{"user_id": "u-1"}"""));

        Assert.Equal("PUT", preview.WebhookMethod);
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
            Channel = Channel.ContentCard,
            CardType = ContentCardType.CaptionedImage,
            CardTitle = "{{api_trigger_properties.${title} | upcase}}",
            CardDescription = "For {{${first_name} | default: 'you'}}",
            CardImageUrl = "https://example.com/a.png",
        });

        var preview = _renderer.Render(campaign, 0, Channel.ContentCard, Json("""{"title": "sale"}"""), null);

        Assert.Equal(ContentCardType.CaptionedImage, preview.CardType);
        Assert.Equal("SALE", preview["card_title"]!.Result.Output);
        Assert.Equal("For you", preview["card_description"]!.Result.Output);
    }

    [Fact]
    public void Render_MissingPayloadKey_IsMissingVariablesWithItsPath()
    {
        var campaign = Campaign(new MessageContentForm { Channel = Channel.Sms, SmsBody = "Hi {{api_trigger_properties.${product_nme}}}" });

        var preview = _renderer.Render(campaign, 0, Channel.Sms, Json("""{"product_name": "boots"}"""), null);

        Assert.Equal(PreviewStatus.MissingVariables, preview.Status);
        Assert.Equal(["api_trigger_properties.${product_nme}"], preview.MissingVariables);
        Assert.NotEmpty(preview["sms_body"]!.Result.Warnings);
    }

    [Fact]
    public void Render_ParseError_IsErrorWithPositionAndOtherFieldsStillRender()
    {
        var campaign = Campaign(new MessageContentForm
        {
            Channel = Channel.Email,
            From = "shop@example.com",
            Subject = "Hi\n{{ 'x' | upcas }}",
            HtmlBody = "fine",
        });

        var preview = _renderer.Render(campaign, 0, Channel.Email, PreviewData.None);

        Assert.Equal(PreviewStatus.Error, preview.Status);
        var error = Assert.Single(preview["subject"]!.Result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("upcas", error.Message);
        Assert.Equal("fine", preview["html_body"]!.Result.Output);
        Assert.Equal(PreviewStatus.Ok, preview["html_body"]!.Status);
    }

    [Fact]
    public void Render_AbortMessage_IsAbortedWithReason()
    {
        var campaign = Campaign(new MessageContentForm
        {
            Channel = Channel.Sms,
            SmsBody = "{% if api_trigger_properties.${stock} < 1 %}{% abort_message('sold out') %}{% endif %}Buy",
        });

        var preview = _renderer.Render(campaign, 0, Channel.Sms, Json("""{"stock": 0}"""), null);

        Assert.Equal(PreviewStatus.Aborted, preview.Status);
        Assert.Equal("sold out", preview["sms_body"]!.Result.AbortReason);
    }

    [Fact]
    public void Render_Again_DoesNotReparseUnchangedFields()
    {
        var message = new MessageContentForm
        {
            Channel = Channel.Email,
            From = "shop@example.com",
            Subject = "Subject {{${first_name}}}",
            HtmlBody = "Body " + Guid.NewGuid(),
        };
        var campaign = Campaign(message);
        _renderer.Render(campaign, 0, Channel.Email, PreviewData.None);
        var parses = _engine.ParseCount;

        _renderer.Render(campaign, 0, Channel.Email, Json("""{"x": 1}"""), Json("""{"first_name": "Bo"}"""));
        Assert.Equal(parses, _engine.ParseCount);

        message.HtmlBody += " edited";
        var preview = _renderer.Render(campaign, 0, Channel.Email, PreviewData.None);
        Assert.Equal(parses + 1, _engine.ParseCount);
        Assert.EndsWith(" edited", preview["html_body"]!.Result.Output);
    }

    [Fact]
    public void Render_VariantIndexOutOfRange_Throws()
    {
        var campaign = Campaign(new MessageContentForm { Channel = Channel.Sms, SmsBody = "x" });

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _renderer.Render(campaign, 1, Channel.Sms, PreviewData.None));
        Assert.Contains("there is no variant 1", error.Message);
    }

    [Fact]
    public void Render_ChannelWithoutMessageYet_RendersEmptyFields()
    {
        var campaign = Campaign(new MessageContentForm { Channel = Channel.Sms, SmsBody = "x" });

        var preview = _renderer.Render(campaign, 0, Channel.AndroidPush, PreviewData.None);

        Assert.Equal(PreviewStatus.Ok, preview.Status);
        Assert.All(preview.Fields, f => Assert.Equal("", f.Result.Output));
        Assert.Equal(4000, preview.Push!.Limit);
    }

    [Fact]
    public void RenderMatrix_TwoVariantsTwoSamples_GivesFourCellsWithTheirStatus()
    {
        var campaign = Campaign(new MessageContentForm { Channel = Channel.Sms, SmsBody = "Hi {{api_trigger_properties.${name}}}" });
        campaign.Variants[0].Percentage = 50;
        campaign.Variants.Add(new VariantForm
        {
            Name = "Variant B",
            VariationId = Ids.NewId(),
            Percentage = 50,
            Messages = [new() { Channel = Channel.Sms, SmsBody = "{{ api_trigger_properties.${name} | divided_by: 0 }}" }],
        });
        PreviewSample[] samples =
        [
            new("Full", new PreviewData(Json("""{"name": "Ana"}"""))),
            new("Empty", PreviewData.None),
        ];

        var cells = _renderer.RenderMatrix(campaign, Channel.Sms, samples);

        Assert.Equal(
            [("Variant A", "Full", PreviewStatus.Ok), ("Variant A", "Empty", PreviewStatus.MissingVariables),
             ("Variant B", "Full", PreviewStatus.Error), ("Variant B", "Empty", PreviewStatus.Error)],
            cells.Select(c => (c.VariantName, c.SampleName, c.Status)));
        Assert.Equal("Hi Ana", cells[0].Preview["sms_body"]!.Result.Output);
    }

    [Fact]
    public void TemplateErrors_BrokenFields_AreKeyedByVariantChannelAndProperty()
    {
        var campaign = Campaign(
            new MessageContentForm { Channel = Channel.Email, From = "a@example.com", Subject = "Hi {{ 'x' | upcas }}", HtmlBody = "{% if %}" },
            new MessageContentForm
            {
                Channel = Channel.Webhook,
                WebhookUrl = "https://example.com",
                WebhookHeaders = [new() { Name = "X-A", Value = "{{ a | nope }}" }],
            });

        var errors = _renderer.TemplateErrors(campaign);

        Assert.Equal(["Variants[0].Email.Subject", "Variants[0].Email.HtmlBody", "Variants[0].Webhook.WebhookHeaders"], errors.Keys);
        Assert.StartsWith("Subject: unknown filter `upcas` at line 1, column ", errors.For("Variants[0].Email.Subject"));
        Assert.StartsWith("Header X-A: ", errors.For("Variants[0].Webhook.WebhookHeaders"));
    }

    [Fact]
    public void TemplateErrors_ValidTemplatesAndMissingData_AreNoErrors()
    {
        var campaign = Campaign(new MessageContentForm { Channel = Channel.Sms, SmsBody = "{{ api_trigger_properties.${a} | divided_by: 0 }}" });

        Assert.Empty(_renderer.TemplateErrors(campaign));
    }

    [Fact]
    public async Task RenderAsync_CancelledBeforeItRuns_IsCancelled()
    {
        var campaign = Campaign(new MessageContentForm { Channel = Channel.Sms, SmsBody = "x" });
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _renderer.RenderAsync(campaign, 0, Channel.Sms, PreviewData.None, ct: cts.Token));
    }

    [Fact]
    public async Task RenderAsync_RendersLikeRender()
    {
        var campaign = Campaign(new MessageContentForm { Channel = Channel.Sms, SmsBody = "Hi {{api_trigger_properties.${n}}}" });

        var preview = await _renderer.RenderAsync(campaign, 0, Channel.Sms, new PreviewData(Json("""{"n": "Bo"}""")));

        Assert.Equal("Hi Bo", preview["sms_body"]!.Result.Output);
    }
}
