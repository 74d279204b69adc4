using Bunit;
using Dashboard.Preview;

namespace Dashboard.Tests.Preview;

public sealed class MessageWithPreviewTests : DashboardTestContext
{
    [Fact]
    public async Task SmsBody_TypedWithTriggerProperty_RendersPickedPayloadAfterPause()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "Hello");
        SampleData.AddPayload(form.CampaignId!, "Ana's order", "{\"name\": \"Ana\"}");
        SessionFor(form).SetSamples(await SampleData.ListAsync(form.CampaignId!));
        var cut = RenderMessage(form, Channel.Sms);
        cut.WaitForAssertion(() => Assert.Equal("Hello", cut.Find(".sms-bubble").TextContent), Patience);

        Field(cut, "SMS body").Input("Hi {{api_trigger_properties.${name}}}!");

        AfterThePause(cut, () => Assert.Equal("Hi Ana!", cut.Find(".sms-bubble").TextContent));
        Assert.Equal("Status: OK", cut.Find("[aria-label^='Status:']").GetAttribute("aria-label"));
    }

    [Fact]
    public void InsertPersonalization_FirstNameWithADefault_IsAddedToTheBodyAndRendersTheDefault()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "Hello ");
        var cut = RenderMessage(form, Channel.Sms);
        cut.WaitForAssertion(() => Assert.Equal("Hello", cut.Find(".sms-bubble").TextContent.Trim()), Patience);

        ClickButton(cut, "Insert personalization");
        Field(cut, "Default (optional)").Input("there");
        Assert.Equal("{{${first_name} | default: 'there'}}", cut.Find("[aria-label='Liquid to insert']").TextContent);
        ClickButton(cut, "Insert");

        Assert.Equal("Hello {{${first_name} | default: 'there'}}", form.Variants[0].Messages[0][SmsFields.Body]);
        AfterThePause(cut, () => Assert.Equal("Hello there", cut.Find(".sms-bubble").TextContent));
        Assert.Equal("Status: OK", cut.Find("[aria-label^='Status:']").GetAttribute("aria-label"));
    }

    [Fact]
    public void InsertPersonalization_InAnEmail_GoesIntoTheHtmlBodyUnlessAnotherFieldIsPicked()
    {
        var form = CampaignWith(Channel.Email, m =>
        {
            m[EmailFields.From] = "Shop <news@shop.example>";
            m[EmailFields.HtmlBody] = "<p>Hi ";
        });
        var cut = RenderMessage(form, Channel.Email);
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("button"), b => b.TextContent.Trim() == "Insert personalization"), Patience);

        ClickButton(cut, "Insert personalization");
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("button"), b => b.TextContent.Trim() == "Insert"), Patience);
        ClickButton(cut, "Insert");

        var message = form.Variants[0].Messages[0];
        Assert.Equal("<p>Hi {{${first_name}}}", message[EmailFields.HtmlBody]);
        Assert.Equal("Shop <news@shop.example>", message[EmailFields.From]);
    }

    [Fact]
    public async Task SmsBody_ConnectedContentWithSavedResponses_RendersTheSampleResponse()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "{% connected_content https://api.example.com/x :save r %}Hi {{ r.name }}");
        SampleData.AddConnectedContent(form.CampaignId!, "Profile API", "{\"https://api.example.com/x\": {\"name\": \"Ana\"}}");
        SessionFor(form).SetSamples(await SampleData.ListAsync(form.CampaignId!));

        var cut = RenderMessage(form, Channel.Sms);

        cut.WaitForAssertion(() => Assert.Equal("Hi Ana", cut.Find(".sms-bubble").TextContent), Patience);
    }

    [Fact]
    public void SmsBody_SeveralQuickEdits_ShowsOnlyTheLastText()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "start");
        var cut = RenderMessage(form, Channel.Sms);
        cut.WaitForAssertion(() => Assert.Equal("start", cut.Find(".sms-bubble").TextContent), Patience);

        Field(cut, "SMS body").Input("one");
        Field(cut, "SMS body").Input("two");
        Field(cut, "SMS body").Input("three");

        // Within the pause nothing changes; afterwards the newest text wins.
        cut.WaitForAssertion(() => Assert.Equal("Updating…", cut.Find("[aria-live=polite]").TextContent), Patience);
        Time.Advance(LivePreview.Delay / 2);
        Assert.Equal("start", cut.Find(".sms-bubble").TextContent);
        AfterThePause(cut, () => Assert.Equal("three", cut.Find(".sms-bubble").TextContent));
        Assert.Empty(cut.FindAll("[aria-live=polite]"));
    }

    [Fact]
    public void SmsBody_UnknownFilter_ListsErrorWithLineAndKeepsLastGoodPreviewMarkedStale()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "Hi {{ 'ana' | upcase }}");
        var cut = RenderMessage(form, Channel.Sms);
        cut.WaitForAssertion(() => Assert.Equal("Hi ANA", cut.Find(".sms-bubble").TextContent), Patience);

        Field(cut, "SMS body").Input("Hi\n{{ 'ana' | upcas }}");

        AfterThePause(cut, () =>
        {
            var errors = cut.FindAll("[aria-label='Template errors'] li").Select(li => li.TextContent.Trim()).ToList();
            var error = Assert.Single(errors);
            Assert.StartsWith("Body: unknown filter `upcas`", error);
            Assert.Contains("line 2, column", error);
        });
        Assert.Equal("Hi ANA", cut.Find(".sms-bubble").TextContent);
        Assert.Contains("Stale", cut.Find(".channel-preview").TextContent);
        Assert.Contains("line 2", cut.Find("[data-errors-for='SMS body']").TextContent);
        Assert.Equal("Status: Error", cut.Find("[aria-label^='Status:']").GetAttribute("aria-label"));
    }

    [Fact]
    public void Subject_UnknownFilterTyped_ShowsTheErrorNextToTheSubjectFieldAndInTheList()
    {
        var form = CampaignWith(Channel.Email, m =>
        {
            m[EmailFields.From] = "Shop <news@shop.example>";
            m[EmailFields.Subject] = "Hi";
            m[EmailFields.HtmlBody] = "<p>Hello</p>";
        });
        var cut = RenderMessage(form, Channel.Email);
        cut.WaitForAssertion(() => Assert.Equal("Hi", cut.Find("td[data-field=subject]").TextContent), Patience);
        Assert.Null(ErrorUnder(cut, "Subject"));

        Field(cut, "Subject").Input("Hi {{ 'ana' | upcas }}");

        AfterThePause(cut, () =>
        {
            var message = ErrorUnder(cut, "Subject") ?? "";
            Assert.Contains("unknown filter `upcas`", message);
            Assert.Contains("line 1, column", message);
            Assert.Contains("upcase", message);
        });
        Assert.Equal("Hi {{ 'ana' | upcas }}", Field(cut, "Subject").GetAttribute("value"));
        var listed = Assert.Single(cut.FindAll("[aria-label='Template errors'] li"));
        Assert.StartsWith("Subject: unknown filter `upcas`", listed.TextContent.Trim());
        Assert.Null(ErrorUnder(cut, "Preheader"));
    }

    [Fact]
    public void Subject_FixedAfterError_ClearsTheMessageNextToTheField()
    {
        var form = CampaignWith(Channel.Email, m =>
        {
            m[EmailFields.Subject] = "{{ 'x' | upcas }}";
            m[EmailFields.HtmlBody] = "<p>Hello</p>";
        });
        var cut = RenderMessage(form, Channel.Email);
        cut.WaitForAssertion(() => Assert.Contains("upcas", ErrorUnder(cut, "Subject")), Patience);

        Field(cut, "Subject").Input("{{ 'x' | upcase }}");

        AfterThePause(cut, () => Assert.Equal("X", cut.Find("td[data-field=subject]").TextContent));
        Assert.Null(ErrorUnder(cut, "Subject"));
        Assert.Empty(cut.FindAll("[aria-label='Template errors'] li"));
    }

    [Fact]
    public void SmsBody_FixedAfterError_ClearsErrorsAndStaleMark()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "{{ 'x' | upcas }}");
        var cut = RenderMessage(form, Channel.Sms);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[aria-label='Template errors'] li")), Patience);

        Field(cut, "SMS body").Input("{{ 'x' | upcase }}");

        AfterThePause(cut, () => Assert.Equal("X", cut.Find(".sms-bubble").TextContent));
        Assert.Empty(cut.FindAll("[aria-label='Template errors'] li"));
        Assert.DoesNotContain("Stale", cut.Find("[role=region][aria-label='SMS/MMS preview']").TextContent);
    }

    [Fact]
    public void SmsBody_VariableWithADefaultAndNoSampleUser_TheBadgeSaysOkAndNothingIsListed()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "Hi {{${first_name} | default: 'there'}}");
        var cut = RenderMessage(form, Channel.Sms);

        cut.WaitForAssertion(() => Assert.Equal("Hi there", cut.Find(".sms-bubble").TextContent), Patience);
        Assert.NotEqual("Status: Missing variables", cut.Find("[aria-label^='Status:']").GetAttribute("aria-label"));
        Assert.Empty(cut.FindAll("[aria-label='Warnings']"));
    }

    [Fact]
    public void SmsBody_MissingTriggerProperty_IsFlaggedAsWarning()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "Your {{api_trigger_properties.${product_nme}}} shipped");
        var cut = RenderMessage(form, Channel.Sms);

        cut.WaitForAssertion(() => Assert.Equal("Status: Missing variables", cut.Find("[aria-label^='Status:']").GetAttribute("aria-label")), Patience);
        Assert.Contains("product_nme", cut.Find("[aria-label='Warnings']").TextContent);
    }

    [Fact]
    public void Sms_UnicodeText_ShowsSegmentsEncodingAndForcingCharacters()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "Olá {{api_trigger_properties.${name}}} ✓");
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
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "{{ 'ab' | append: api_trigger_properties.tail }}");
        SessionFor(form).EditPayloadText("{\"tail\": \"" + new string('x', 159) + "\"}");
        var cut = RenderMessage(form, Channel.Sms);

        cut.WaitForAssertion(() => Assert.Contains("2 segments · GSM-7 · 161 characters", cut.Find("[aria-label='SMS segments']").TextContent), Patience);
        Assert.Empty(cut.FindAll("[aria-label='Characters forcing UCS-2']"));
    }

    [Fact]
    public void PayloadEdit_InSession_RerendersPreview()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "Hi {{api_trigger_properties.${name}}}");
        var cut = RenderMessage(form, Channel.Sms);
        cut.WaitForAssertion(() => Assert.Equal("Hi ", cut.Find(".sms-bubble").TextContent), Patience);

        cut.InvokeAsync(() => SessionFor(form).EditPayloadText("{\"name\": \"Bo\"}"));

        AfterThePause(cut, () => Assert.Equal("Hi Bo", cut.Find(".sms-bubble").TextContent));
    }

    [Fact]
    public void Email_ScriptInPayload_RendersInSandboxedFrameWithoutScripts()
    {
        var form = CampaignWith(Channel.Email, m =>
        {
            m[EmailFields.From] = "Shop <news@shop.example>";
            m[EmailFields.Subject] = "Hi {{${first_name}}}";
            m[EmailFields.Preheader] = "Your order";
            m[EmailFields.HtmlBody] = "<style>body { color: red }</style><p>{{api_trigger_properties.note}}</p>";
            m[EmailFields.PlainTextBody] = "Plain {{api_trigger_properties.note}}";
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
        var form = CampaignWith(Channel.ApplePush, m =>
        {
            m[PushFields.Title] = "Hi";
            m[PushFields.Body] = "{{ api_trigger_properties.text }}";
        });
        SessionFor(form).EditPayloadText("{\"text\": \"" + new string('a', 2000) + "\"}");
        var cut = RenderMessage(form, Channel.ApplePush);

        cut.WaitForAssertion(() => Assert.Contains("2,002 of 1,912 bytes", cut.Find("[aria-label='Push payload size']").TextContent), Patience);
        Assert.Contains("90 bytes too many", cut.Find("[aria-label='Push payload size']").TextContent);
    }

    [Fact]
    public void Webhook_ShowsMethodUrlHeadersAndBody()
    {
        var form = CampaignWith(Channel.Webhook, m =>
        {
            m[WebhookFields.Method] = "PUT";
            m[WebhookFields.Url] = "https://hooks.example/orders/{{api_trigger_properties.id}}";
            m.WebhookHeaders = [new HeaderForm { Name = "X-Order", Value = "{{api_trigger_properties.id}}" }];
            m[WebhookFields.Body] = "{\"id\": {{api_trigger_properties.id}}}";
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
        var form = CampaignWith(Channel.ContentCard, m =>
        {
            m[ContentCardFields.Title] = "Hello {{${first_name} | default: 'friend'}}";
            m[ContentCardFields.Description] = "Your basket";
        });
        var cut = RenderMessage(form, Channel.ContentCard);

        cut.WaitForAssertion(() => Assert.Contains("Hello friend", cut.Find("[aria-label='Content Card']").TextContent), Patience);
        Assert.Contains("Your basket", cut.Find("[aria-label='Content Card']").TextContent);
    }

    [Fact]
    public void AbortMessage_ShowsAbortedWithReason()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "{% if api_trigger_properties.stock == 0 %}{% abort_message('out of stock') %}{% endif %}Buy now");
        SessionFor(form).EditPayloadText("{\"stock\": 0}");
        var cut = RenderMessage(form, Channel.Sms);

        cut.WaitForAssertion(() => Assert.Equal("Status: Aborted", cut.Find("[aria-label^='Status:']").GetAttribute("aria-label")), Patience);
        Assert.Contains("out of stock", cut.Find(".channel-preview").TextContent);
    }

    // Found and clicked in one dispatch: the preview renders again on its own (its debounced render), which can replace the
    // button between a Find and a Click.
    private static void ClickButton(IRenderedComponent<Dashboard.Campaigns.Editor.MessageWithPreview> cut, string text) =>
        cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == text).Click()).GetAwaiter().GetResult();
}
