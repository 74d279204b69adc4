using Bunit;
using Dashboard.Campaigns;
using Dashboard.Preview;
using MudBlazor;

namespace Dashboard.Tests.Preview;

public sealed class SampleDataPanelTests : DashboardTestContext
{
    /// <summary>What the session's connected_content answers for <paramref name="url"/>: the picked sample response.</summary>
    private static string? Response(PreviewSession session, string url) =>
        session.Data.ConnectedContent.ResolveAsync(new ConnectedContentRequest(url, "GET", new Dictionary<string, string>(), null, null, null, false, null, null), default)
            .AsTask().GetAwaiter().GetResult().Body;


    private IRenderedComponent<SampleDataPanel> RenderPanel(CampaignForm form)
    {
        RenderPopovers();
        return Render<SampleDataPanel>(p => p.Add(c => c.Form, form));
    }


    [Fact]
    public void Panel_SavedCampaign_PicksFirstSavedPayloadForThePreview()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "x");
        SampleData.AddPayload(form.CampaignId!, "Mug order", "{\"product\": \"Mug\"}");

        var cut = RenderPanel(form);

        cut.WaitForAssertion(() => Assert.Equal("{\"product\": \"Mug\"}", Field(cut, "Payload JSON").TextContent), Patience);
        Assert.Equal("Mug", SessionFor(form).Data.TriggerProperties!["product"]);
    }

    [Fact]
    public async Task SaveConnectedContent_NewNamedResponses_AreStoredAndUsedByThePreview()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "x");
        var cut = RenderPanel(form);

        Field(cut, "Responses name").Input("Profile API");
        Field(cut, "Connected Content JSON").Input("{\"https://api.example.com/x\": {\"name\": \"Ana\"}}");
        Click(cut, "Save responses");

        cut.WaitForAssertion(() => NoticeSaying(cut, "Responses \"Profile API\" saved."), Patience);
        var saved = Assert.Single((await SampleData.ListAsync(form.CampaignId!)).ConnectedContent);
        Assert.Equal(saved.Id, SessionFor(form).ConnectedContent.Id);
        Assert.Equal("{\"name\":\"Ana\"}", Response(SessionFor(form), "https://api.example.com/x"));
    }

    [Fact]
    public void ConnectedContentJson_ResponseIsANumber_ShowsTheFaultAndKeepsLastGoodResponses()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "x");
        SampleData.AddConnectedContent(form.CampaignId!, "Profile API", "{\"https://api.example.com/x\": \"ok\"}");
        var cut = RenderPanel(form);
        cut.WaitForAssertion(() => Assert.Equal("ok", Response(SessionFor(form), "https://api.example.com/x")), Patience);

        Field(cut, "Connected Content JSON").Input("{\"https://api.example.com/x\": 5}");

        cut.WaitForAssertion(() => Assert.EndsWith("must be a string, or a JSON object or array, not a number.", ErrorUnder(cut, "Connected Content JSON")), Patience);
        Assert.Equal("ok", Response(SessionFor(form), "https://api.example.com/x"));
    }

    [Fact]
    public void PayloadJson_Malformed_ShowsLineAndColumnKeepsTextAndLastGoodData()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "x");
        SampleData.AddPayload(form.CampaignId!, "Mug order", "{\"product\": \"Mug\"}");
        var cut = RenderPanel(form);
        cut.WaitForAssertion(() => Assert.Equal("Mug", SessionFor(form).Data.TriggerProperties!["product"]), Patience);

        Field(cut, "Payload JSON").Input("{\n  \"product\": Teapot\n}");

        cut.WaitForAssertion(() => Assert.StartsWith("Line 2, column 14:", ErrorUnder(cut, "Payload JSON")), Patience);
        Assert.Equal("{\n  \"product\": Teapot\n}", SessionFor(form).Payload.Json);
        Assert.Equal("Mug", SessionFor(form).Data.TriggerProperties!["product"]);
        NoticeSaying(cut, "The preview keeps using the last payload that parsed until this is fixed.");
    }

    [Fact]
    public async Task SavePayload_NewNamedPayload_IsStoredAndPicked()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "x");
        var cut = RenderPanel(form);

        Field(cut, "Payload name").Input("Teapot order");
        Field(cut, "Payload JSON").Input("{\"product\": \"Teapot\"}");
        Click(cut, "Save payload");

        cut.WaitForAssertion(() => NoticeSaying(cut, "Payload \"Teapot order\" saved."), Patience);
        var saved = Assert.Single((await SampleData.ListAsync(form.CampaignId!)).Payloads);
        Assert.Equal("{\"product\": \"Teapot\"}", saved.Json);
        Assert.Equal(saved.Id, SessionFor(form).Payload.Id);
    }

    [Fact]
    public void SavePayload_WithoutName_ShowsMessageAndKeepsText()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "x");
        var cut = RenderPanel(form);

        Field(cut, "Payload JSON").Input("{\"product\": \"Teapot\"}");
        Click(cut, "Save payload");

        cut.WaitForAssertion(() => Assert.Equal("Give the sample a name.", ErrorUnder(cut, "Payload name")), Patience);
        Assert.Equal("{\"product\": \"Teapot\"}", Field(cut, "Payload JSON").TextContent);
    }

    [Fact]
    public void PickPayload_Other_SwitchesThePreviewData()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "x");
        SampleData.AddPayload(form.CampaignId!, "Mug order", "{\"product\": \"Mug\"}");
        SampleData.AddPayload(form.CampaignId!, "Teapot order", "{\"product\": \"Teapot\"}");
        var cut = RenderPanel(form);
        cut.WaitForAssertion(() => Assert.Equal("Mug", SessionFor(form).Data.TriggerProperties!["product"]), Patience);

        ChooseOption(cut, "Sample payload", "Teapot order");

        cut.WaitForAssertion(() => Assert.Equal("Teapot", SessionFor(form).Data.TriggerProperties!["product"]), Patience);
        Assert.Equal("Teapot order", SessionFor(form).Payload.Name);
    }

    [Fact]
    public void GenerateFromTemplate_SavedCampaign_SavesPayloadWithEveryTriggerProperty()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "{{api_trigger_properties.${product}}} {{api_trigger_properties.order.total}}");
        var cut = RenderPanel(form);

        Click(cut, "Generate from template");

        cut.WaitForAssertion(() => Assert.Equal("From templates", SessionFor(form).Payload.Name), Patience);
        var data = SessionFor(form).Data.TriggerProperties!;
        Assert.Equal("sample product", data["product"]);
        var order = Assert.IsAssignableFrom<IDictionary<string, object?>>(data["order"]);
        Assert.Equal("sample total", order["total"]);
    }

    [Fact]
    public void Panel_UnsavedCampaign_EditsWorkingPayloadAndDisablesSaving()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "{{api_trigger_properties.${product}}}");
        form.CampaignId = null;
        var cut = RenderPanel(form);

        Click(cut, "Generate from template");

        Assert.StartsWith("Save the campaign as a draft", Normalize(cut.Find("[role=region][aria-label='Sample data'] [role=note]").TextContent));
        Assert.True(cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save payload").HasAttribute("disabled"));
        Assert.Equal("sample product", SessionFor(form).Data.TriggerProperties!["product"]);
    }

    [Fact]
    public void SampleUser_FirstNameTyped_FeedsThePreviewAsStandardAttribute()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "x");
        var cut = RenderPanel(form);

        Field(cut, "First name").Input("Ana");
        Field(cut, "Custom attributes JSON").Input("{\"loyalty tier\": \"gold\"}");

        var variables = SessionFor(form).Data.ToVariables();
        Assert.Equal("Ana", variables["first_name"]);
        Assert.Equal("gold", Assert.IsAssignableFrom<IDictionary<string, object?>>(variables["custom_attribute"])["loyalty tier"]);
    }

    [Fact]
    public async Task RenameSavedPayload_NewNameSaved_KeepsTextAndId()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "x");
        var saved = SampleData.AddPayload(form.CampaignId!, "Mug order", "{\"product\": \"Mug\"}");
        var cut = RenderPanel(form);
        cut.WaitForAssertion(() => Assert.Equal("Mug order", SessionFor(form).Payload.Name), Patience);

        Field(cut, "Payload name").Input("Big mug order");
        Click(cut, "Save payload");

        cut.WaitForAssertion(() => NoticeSaying(cut, "Payload \"Big mug order\" saved."), Patience);
        var payload = Assert.Single((await SampleData.ListAsync(form.CampaignId!)).Payloads);
        Assert.Equal((saved.Id, "Big mug order", "{\"product\": \"Mug\"}"), (payload.Id, payload.Name, payload.Json));
    }

    [Fact]
    public async Task DuplicateThenDelete_SavedPayload_EditsTheCopyThenRemovesIt()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "x");
        SampleData.AddPayload(form.CampaignId!, "Mug order", "{\"product\": \"Mug\"}");
        var cut = RenderPanel(form);
        cut.WaitForAssertion(() => Assert.Equal("Mug order", SessionFor(form).Payload.Name), Patience);

        Click(cut, "Duplicate");
        cut.WaitForAssertion(() => Assert.Equal("Mug order (copy)", SessionFor(form).Payload.Name), Patience);
        Click(cut, "Delete");

        cut.WaitForAssertion(() => NoticeSaying(cut, "\"Mug order (copy)\" deleted."), Patience);
        Assert.Equal(["Mug order"], (await SampleData.ListAsync(form.CampaignId!)).Payloads.Select(p => p.Name));
    }
}
