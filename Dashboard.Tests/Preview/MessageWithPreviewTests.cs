using Bunit;
using Dashboard.Campaigns;
using Dashboard.Preview;

namespace Dashboard.Tests.Preview;

public sealed class MessageWithPreviewTests : PreviewComponentTestContext
{
    [Fact]
    public async Task SmsBody_TypedWithTriggerProperty_RendersPickedPayloadAfterPause()
    {
        var form = Campaign(Channel.Sms, m => m.SmsBody = "Hello");
        SampleData.AddPayload(form.CampaignId!, "Ana's order", "{\"name\": \"Ana\"}");
        SessionFor(form).SetSamples(await SampleData.ListAsync(form.CampaignId!));
        var cut = RenderMessage(form, Channel.Sms);
        cut.WaitForAssertion(() => Assert.Equal("Hello", cut.Find(".sms-bubble").TextContent), Patience);

        Field(cut, "SMS body").Input("Hi {{api_trigger_properties.${name}}}!");

        cut.WaitForAssertion(() => Assert.Equal("Hi Ana!", cut.Find(".sms-bubble").TextContent), Patience);
        Assert.Equal("Status: OK", cut.Find("[aria-label^='Status:']").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task SmsBody_ConnectedContentWithSavedResponses_RendersTheSampleResponse()
    {
        var form = Campaign(Channel.Sms, m => m.SmsBody = "{% connected_content https://api.example.com/x :save r %}Hi {{ r.name }}");
        SampleData.AddConnectedContent(form.CampaignId!, "Profile API", "{\"https://api.example.com/x\": {\"name\": \"Ana\"}}");
        SessionFor(form).SetSamples(await SampleData.ListAsync(form.CampaignId!));

        var cut = RenderMessage(form, Channel.Sms);

        cut.WaitForAssertion(() => Assert.Equal("Hi Ana", cut.Find(".sms-bubble").TextContent), Patience);
    }

    [Fact]
    public void SmsBody_SeveralQuickEdits_ShowsOnlyTheLastText()
    {
        var form = Campaign(Channel.Sms, m => m.SmsBody = "start");
        var cut = RenderMessage(form, Channel.Sms, delay: TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal("start", cut.Find(".sms-bubble").TextContent), Patience);

        Field(cut, "SMS body").Input("one");
        Field(cut, "SMS body").Input("two");
        Field(cut, "SMS body").Input("three");

        // Within the pause nothing changes; afterwards the newest text wins.
        Assert.Equal("start", cut.Find(".sms-bubble").TextContent);
        Assert.Contains("Updating", cut.Markup);
        cut.WaitForAssertion(() => Assert.Equal("three", cut.Find(".sms-bubble").TextContent), Patience);
        Assert.DoesNotContain("Updating", cut.Markup);
    }

    [Fact]
    public void SmsBody_UnknownFilter_ListsErrorWithLineAndKeepsLastGoodPreviewMarkedStale()
    {
        var form = Campaign(Channel.Sms, m => m.SmsBody = "Hi {{ 'ana' | upcase }}");
        var cut = RenderMessage(form, Channel.Sms);
        cut.WaitForAssertion(() => Assert.Equal("Hi ANA", cut.Find(".sms-bubble").TextContent), Patience);

        Field(cut, "SMS body").Input("Hi\n{{ 'ana' | upcas }}");

        cut.WaitForAssertion(() =>
        {
            var errors = cut.FindAll("[aria-label='Template errors'] li").Select(li => li.TextContent.Trim()).ToList();
            var error = Assert.Single(errors);
            Assert.StartsWith("Body: unknown filter `upcas`", error);
            Assert.Contains("line 2, column", error);
        }, Patience);
        Assert.Equal("Hi ANA", cut.Find(".sms-bubble").TextContent);
        Assert.Contains("Stale", cut.Find(".channel-preview").TextContent);
        Assert.Contains("line 2", cut.Find("[data-errors-for='SMS body']").TextContent);
        Assert.Equal("Status: Error", cut.Find("[aria-label^='Status:']").GetAttribute("aria-label"));
    }

    [Fact]
    public void Subject_UnknownFilterTyped_ShowsTheErrorNextToTheSubjectFieldAndInTheList()
    {
        var form = Campaign(Channel.Email, m =>
        {
            m.From = "Shop <news@shop.example>";
            m.Subject = "Hi";
            m.HtmlBody = "<p>Hello</p>";
        });
        var cut = RenderMessage(form, Channel.Email);
        cut.WaitForAssertion(() => Assert.Equal("Hi", cut.Find("td[data-field=subject]").TextContent), Patience);
        Assert.Empty(cut.FindAll(".mud-input-error"));

        Field(cut, "Subject").Input("Hi {{ 'ana' | upcas }}");

        cut.WaitForAssertion(() =>
        {
            var subject = Field(cut, "Subject").Closest(".field-text")!;
            var message = subject.QuerySelector(".mud-input-helper-text")?.TextContent ?? "";
            Assert.Contains("unknown filter `upcas`", message);
            Assert.Contains("line 1, column", message);
            Assert.Contains("upcase", message);
        }, Patience);
        Assert.Equal("Hi {{ 'ana' | upcas }}", Field(cut, "Subject").GetAttribute("value"));
        var listed = Assert.Single(cut.FindAll("[aria-label='Template errors'] li"));
        Assert.StartsWith("Subject: unknown filter `upcas`", listed.TextContent.Trim());
        Assert.Null(Field(cut, "Preheader").Closest(".field-text")!.QuerySelector(".mud-input-error"));
    }

    [Fact]
    public void Subject_FixedAfterError_ClearsTheMessageNextToTheField()
    {
        var form = Campaign(Channel.Email, m =>
        {
            m.Subject = "{{ 'x' | upcas }}";
            m.HtmlBody = "<p>Hello</p>";
        });
        var cut = RenderMessage(form, Channel.Email);
        cut.WaitForAssertion(() => Assert.Contains("upcas", Field(cut, "Subject").Closest(".field-text")!.TextContent), Patience);

        Field(cut, "Subject").Input("{{ 'x' | upcase }}");

        cut.WaitForAssertion(() => Assert.Equal("X", cut.Find("td[data-field=subject]").TextContent), Patience);
        Assert.DoesNotContain("upcas", Field(cut, "Subject").Closest(".field-text")!.TextContent);
        Assert.Empty(cut.FindAll("[aria-label='Template errors'] li"));
    }

    [Fact]
    public void SmsBody_FixedAfterError_ClearsErrorsAndStaleMark()
    {
        var form = Campaign(Channel.Sms, m => m.SmsBody = "{{ 'x' | upcas }}");
        var cut = RenderMessage(form, Channel.Sms);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[aria-label='Template errors'] li")), Patience);

        Field(cut, "SMS body").Input("{{ 'x' | upcase }}");

        cut.WaitForAssertion(() => Assert.Equal("X", cut.Find(".sms-bubble").TextContent), Patience);
        Assert.Empty(cut.FindAll("[aria-label='Template errors'] li"));
        Assert.DoesNotContain("Stale", cut.Markup);
    }

    [Fact]
    public void SmsBody_MissingTriggerProperty_IsFlaggedAsWarning()
    {
        var form = Campaign(Channel.Sms, m => m.SmsBody = "Your {{api_trigger_properties.${product_nme}}} shipped");
        var cut = RenderMessage(form, Channel.Sms);

        cut.WaitForAssertion(() => Assert.Equal("Status: Missing variables", cut.Find("[aria-label^='Status:']").GetAttribute("aria-label")), Patience);
        Assert.Contains("product_nme", cut.Find("[aria-label='Warnings']").TextContent);
    }

    [Fact]
    public void Sms_UnicodeText_ShowsSegmentsEncodingAndForcingCharacters()
    {
        var form = Campaign(Channel.Sms, m => m.SmsBody = "Olá {{api_trigger_properties.${name}}} ✓");
        SessionFor(form).EditPayloadText("{\"name\": \"Zoë\"}");
        var cut = RenderMessage(form, Channel.Sms);

        cut.WaitForAssertion(() => Assert.Equal("Olá Zoë ✓", cut.Find(".sms-bubble").TextContent), Patience);
        var segments = cut.Find("[aria-label='SMS segments']").TextContent;
        Assert.Contains("1 segment", segments);
        Assert.Contains("UCS-2", segments);
        Assert.Contains("9 characters", segments);
        Assert.Equal(["á", "ë", "✓"], cut.FindAll("[aria-label='Characters forcing UCS-2'] code").Select(c => c.TextContent));
    }

    [Fact]
    public void Sms_LongGsmText_CountsSegmentsOnRenderedText()
    {
        var form = Campaign(Channel.Sms, m => m.SmsBody = "{{ 'ab' | append: api_trigger_properties.tail }}");
        SessionFor(form).EditPayloadText("{\"tail\": \"" + new string('x', 159) + "\"}");
        var cut = RenderMessage(form, Channel.Sms);

        cut.WaitForAssertion(() => Assert.Contains("2 segments · GSM-7 · 161 characters", cut.Find("[aria-label='SMS segments']").TextContent), Patience);
        Assert.Empty(cut.FindAll("[aria-label='Characters forcing UCS-2']"));
    }

    [Fact]
    public void PayloadEdit_InSession_RerendersPreview()
    {
        var form = Campaign(Channel.Sms, m => m.SmsBody = "Hi {{api_trigger_properties.${name}}}");
        var cut = RenderMessage(form, Channel.Sms);
        cut.WaitForAssertion(() => Assert.Equal("Hi ", cut.Find(".sms-bubble").TextContent), Patience);

        cut.InvokeAsync(() => SessionFor(form).EditPayloadText("{\"name\": \"Bo\"}"));

        cut.WaitForAssertion(() => Assert.Equal("Hi Bo", cut.Find(".sms-bubble").TextContent), Patience);
    }

    [Fact]
    public void Email_ScriptInPayload_RendersInSandboxedFrameWithoutScripts()
    {
        var form = Campaign(Channel.Email, m =>
        {
            m.From = "Shop <news@shop.example>";
            m.Subject = "Hi {{${first_name}}}";
            m.Preheader = "Your order";
            m.HtmlBody = "<style>body { color: red }</style><p>{{api_trigger_properties.note}}</p>";
            m.PlainTextBody = "Plain {{api_trigger_properties.note}}";
        });
        SessionFor(form).EditPayloadText("{\"note\": \"<script>alert(1)</script>\"}");
        SessionFor(form).EditUser(u => u.Attributes["first_name"] = "Ana");
        var cut = RenderMessage(form, Channel.Email);

        cut.WaitForAssertion(() => Assert.Equal("Hi Ana", cut.Find("td[data-field=subject]").TextContent), Patience);
        var frame = cut.Find("iframe[title='Email HTML preview']");
        Assert.True(frame.HasAttribute("sandbox"));
        Assert.Equal("", frame.GetAttribute("sandbox"));
        Assert.Contains("<script>alert(1)</script>", frame.GetAttribute("srcdoc"));
        Assert.Contains("color: red", frame.GetAttribute("srcdoc"));
        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("style"));
        Assert.Equal("Shop <news@shop.example>", cut.Find("[aria-label='Email headers'] td").TextContent);
    }

    [Fact]
    public void Push_OverAppleLimit_SaysSoWithTheSize()
    {
        var form = Campaign(Channel.ApplePush, m =>
        {
            m.PushTitle = "Hi";
            m.PushBody = "{{ api_trigger_properties.text }}";
        });
        SessionFor(form).EditPayloadText("{\"text\": \"" + new string('a', 2000) + "\"}");
        var cut = RenderMessage(form, Channel.ApplePush);

        cut.WaitForAssertion(() => Assert.Contains("2,002 of 1,912 bytes", cut.Find("[aria-label='Push payload size']").TextContent), Patience);
        Assert.Contains("90 bytes too many", cut.Find("[aria-label='Push payload size']").TextContent);
    }

    [Fact]
    public void Webhook_ShowsMethodUrlHeadersAndBody()
    {
        var form = Campaign(Channel.Webhook, m =>
        {
            m.WebhookMethod = "PUT";
            m.WebhookUrl = "https://hooks.example/orders/{{api_trigger_properties.id}}";
            m.WebhookHeaders = [new HeaderForm { Name = "X-Order", Value = "{{api_trigger_properties.id}}" }];
            m.WebhookBody = "{\"id\": {{api_trigger_properties.id}}}";
        });
        SessionFor(form).EditPayloadText("{\"id\": 42}");
        var cut = RenderMessage(form, Channel.Webhook);

        cut.WaitForAssertion(() => Assert.Equal("PUT https://hooks.example/orders/42", cut.Find("[aria-label='Webhook request line']").TextContent), Patience);
        Assert.Equal("X-Order42", cut.Find("[aria-label='Webhook headers'] tr").TextContent.Replace("\n", "").Replace(" ", ""));
        Assert.Equal("{\"id\": 42}", cut.Find("[aria-label='Webhook body']").TextContent);
    }

    [Fact]
    public void ContentCard_ShowsTitleAndDescription()
    {
        var form = Campaign(Channel.ContentCard, m =>
        {
            m.CardTitle = "Hello {{${first_name} | default: 'friend'}}";
            m.CardDescription = "Your basket";
        });
        var cut = RenderMessage(form, Channel.ContentCard);

        cut.WaitForAssertion(() => Assert.Contains("Hello friend", cut.Find("[aria-label='Content Card']").TextContent), Patience);
        Assert.Contains("Your basket", cut.Find("[aria-label='Content Card']").TextContent);
    }

    [Fact]
    public void AbortMessage_ShowsAbortedWithReason()
    {
        var form = Campaign(Channel.Sms, m => m.SmsBody = "{% if api_trigger_properties.stock == 0 %}{% abort_message('out of stock') %}{% endif %}Buy now");
        SessionFor(form).EditPayloadText("{\"stock\": 0}");
        var cut = RenderMessage(form, Channel.Sms);

        cut.WaitForAssertion(() => Assert.Equal("Status: Aborted", cut.Find("[aria-label^='Status:']").GetAttribute("aria-label")), Patience);
        Assert.Contains("out of stock", cut.Find(".channel-preview").TextContent);
    }
}
