using Bunit;
using Dashboard.Campaigns;
using Dashboard.Campaigns.Editor;
using Dashboard.Preview;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Preview;

public sealed class PreviewMatrixPageTests : DashboardTestContext
{


    private CampaignForm TwoVariants()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "Hi {{api_trigger_properties.${name}}}");
        CampaignFormEditing.AddVariant(form);
        CampaignFormEditing.MessageFor(form.Variants[1], Channel.Sms)[SmsFields.Body] =
            "{% if api_trigger_properties.stock == 0 %}{% abort_message('sold out') %}{% endif %}{{ api_trigger_properties.name | upcas }}";
        Campaigns.Add(form);
        return form;
    }

    [Fact]
    public void Matrix_TwoVariantsTwoPayloads_ShowsEveryCellWithItsStatus()
    {
        var form = TwoVariants();
        SampleData.AddPayload(form.CampaignId!, "Ana", "{\"name\": \"Ana\", \"stock\": 3}");
        SampleData.AddPayload(form.CampaignId!, "Sold out", "{\"stock\": 0}");

        var cut = Render<PreviewMatrixPage>(p => p.Add(c => c.CampaignId, form.CampaignId!));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".matrix-cell")), Patience);
        Assert.Equal(["Variant", "Ana", "Sold out"], cut.FindAll("thead th").Select(th => th.TextContent.Trim()));
        var cells = cut.FindAll(".matrix-cell").Select(c => c.GetAttribute("aria-label")).ToList();
        Assert.Equal(
        [
            $"{form.Variants[0].Name} × Ana: OK",
            $"{form.Variants[0].Name} × Sold out: Missing variables",
            $"{form.Variants[1].Name} × Ana: Error",
            $"{form.Variants[1].Name} × Sold out: Error",
        ], cells);
        Assert.Contains("upcas", cut.FindAll(".matrix-cell")[2].TextContent);
    }

    [Fact]
    public void Matrix_ClickCell_OpensThatPreview()
    {
        var form = TwoVariants();
        SampleData.AddPayload(form.CampaignId!, "Ana", "{\"name\": \"Ana\"}");
        var cut = Render<PreviewMatrixPage>(p => p.Add(c => c.CampaignId, form.CampaignId!));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".matrix-cell")), Patience);

        // The tabs settle after their first render; a click on a cell rendered before that may miss, so it is retried.
        cut.WaitForAssertion(() =>
        {
            cut.FindAll(".matrix-cell")[0].Click();
            Assert.NotNull(cut.Find("[aria-label='Selected preview']"));
        }, Patience);

        var selected = cut.Find("[aria-label='Selected preview']");
        Assert.Contains($"{form.Variants[0].Name} × Ana", selected.TextContent);
        Assert.Equal("Hi Ana", cut.Find("[aria-label='Selected preview'] .sms-bubble").TextContent);
    }

    [Fact]
    public void Matrix_PayloadsAndUsers_CombinesEachPayloadWithEachUser()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "{{${first_name}}} {{api_trigger_properties.${item}}}");
        Campaigns.Add(form);
        SampleData.AddPayload(form.CampaignId!, "Mug", "{\"item\": \"mug\"}");
        SampleData.AddPayload(form.CampaignId!, "Tea", "{\"item\": \"tea\"}");
        SampleData.AddUser(form.CampaignId!, "Ana", new() { ["first_name"] = "Ana" });
        SampleData.AddUser(form.CampaignId!, "Bo", new() { ["first_name"] = "Bo" });
        var cut = Render<PreviewMatrixPage>(p => p.Add(c => c.CampaignId, form.CampaignId!));
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll(".matrix-cell").Count), Patience);

        cut.WaitForAssertion(() =>
        {
            cut.FindAll(".matrix-cell")[3].Click();
            Assert.NotNull(cut.Find("[aria-label='Selected preview']"));
        }, Patience);

        Assert.Equal(["Variant", "Mug · Ana", "Mug · Bo", "Tea · Ana", "Tea · Bo"], cut.FindAll("thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal("Bo tea", cut.Find("[aria-label='Selected preview'] .sms-bubble").TextContent);
    }

    [Fact]
    public void Matrix_SavedConnectedContentResponses_AnswerConnectedContentInEveryCell()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "{% connected_content https://api.example.com/x :save r %}{{ r.name }} {{api_trigger_properties.${item}}}");
        Campaigns.Add(form);
        SampleData.AddPayload(form.CampaignId!, "Mug", "{\"item\": \"mug\"}");
        SampleData.AddConnectedContent(form.CampaignId!, "Profile API", "{\"https://api.example.com/x\": {\"name\": \"Ana\"}}");
        var cut = Render<PreviewMatrixPage>(p => p.Add(c => c.CampaignId, form.CampaignId!));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".matrix-cell")), Patience);

        cut.WaitForAssertion(() =>
        {
            cut.FindAll(".matrix-cell")[0].Click();
            Assert.NotNull(cut.Find("[aria-label='Selected preview']"));
        }, Patience);

        Assert.Equal("Ana mug", cut.Find("[aria-label='Selected preview'] .sms-bubble").TextContent);
    }

    [Fact]
    public void Matrix_VariableWithADefaultAndNoSampleUser_IsOk()
    {
        var form = CampaignWith(Channel.Sms, m => m[SmsFields.Body] = "Hi {{${first_name} | default: 'there'}}");
        Campaigns.Add(form);
        SampleData.AddPayload(form.CampaignId!, "Any", "{}");

        var cut = Render<PreviewMatrixPage>(p => p.Add(c => c.CampaignId, form.CampaignId!));

        cut.WaitForAssertion(() => Assert.Equal([$"{form.Variants[0].Name} × Any: OK"], cut.FindAll(".matrix-cell").Select(c => c.GetAttribute("aria-label"))), Patience);
    }

    [Fact]
    public void Matrix_NoSavedPayload_RendersWithEmptyOneAndSaysSo()
    {
        var form = TwoVariants();

        var cut = Render<PreviewMatrixPage>(p => p.Add(c => c.CampaignId, form.CampaignId!));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".matrix-cell").Count), Patience);
        NoticeSaying(cut, "This campaign has no saved sample payload yet, so every variant renders with an empty one.");
    }

    [Fact]
    public void Matrix_UnknownCampaign_SaysSo()
    {
        var cut = Render<PreviewMatrixPage>(p => p.Add(c => c.CampaignId, "8f1b9bb5-0000-4000-8000-000000000000"));

        cut.WaitForAssertion(() => NoticeSaying(cut, "No campaign has the ID 8f1b9bb5-0000-4000-8000-000000000000."), Patience);
    }
}
