using Bunit;
using Dashboard.Campaigns;
using Dashboard.Campaigns.Editor;
using Dashboard.Preview;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Campaigns.Editor;

public class LaunchTemplateCheckTests : DashboardTestContext
{
    [Fact]
    public void Review_TemplateWithUnknownFilter_ListsItAndDisablesLaunch()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        CampaignFormEditing.MessageFor(form.Variants[0], Channel.Sms)[SmsFields.Body] = "Order {{ api_trigger_properties.${order_id} | upcas }}";
        var cut = RenderEditor(form);

        GoToStep(cut, "Review");

        var problem = "";
        cut.WaitForAssertion(() => problem = Assert.Single(cut.FindAll("[aria-label='Template errors'] li")).TextContent.Trim());
        Assert.StartsWith($"{form.Variants[0].Name}, SMS/MMS, Body: unknown filter `upcas`", problem);
        Assert.Contains("line 1, column", problem);
        Assert.True(Button(cut, "Launch").HasAttribute("disabled"));
        Assert.False(Button(cut, "Save as draft").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Launch_RenderErrorWithPickedPayload_IsRefusedWithoutSaving()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        CampaignFormEditing.MessageFor(form.Variants[0], Channel.Sms)[SmsFields.Body] = "{{ 10 | divided_by: api_trigger_properties.n }} left";
        var session = Services.GetRequiredService<PreviewSessions>().For(form);
        session.EditPayloadText("{\"n\": 2}");
        var cut = RenderEditor(form);
        GoToStep(cut, "Review");
        Assert.False(Button(cut, "Launch").HasAttribute("disabled"));

        // The payload changes after the review was shown: the launch itself checks again.
        await cut.InvokeAsync(() => session.EditPayloadText("{\"n\": 0}"));
        Click(cut, "Launch");

        cut.WaitForAssertion(() => Assert.Contains("template error before launching", cut.Find("[role=alert]").TextContent));
        Assert.Empty(Campaigns.Saved);
        Assert.Empty(Campaigns.StatusChanges);
    }

    [Fact]
    public void Review_MessagesStepNeverOpened_ChecksAgainstTheFirstSavedPayload()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        form.CampaignId = Ids.NewId();
        CampaignFormEditing.MessageFor(form.Variants[0], Channel.Sms)[SmsFields.Body] =
            "{% if api_trigger_properties.broken %}{{ 1 | divided_by: 0 }}{% endif %}Shipped";
        SampleData.AddPayload(form.CampaignId, "Broken order", "{\"broken\": true}");
        var cut = RenderEditor(form);

        GoToStep(cut, "Review");

        cut.WaitForAssertion(() => Assert.Contains("divided by 0", cut.Find("[aria-label='Template errors']").TextContent));
        Assert.True(Button(cut, "Launch").HasAttribute("disabled"));
    }

    [Fact]
    public void Review_MissingSenderAndATemplateError_CountsBothInOneSummaryAndBlocksLaunch()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        CampaignFormEditing.AddChannel(form, Channel.Email);
        var email = CampaignFormEditing.MessageFor(form.Variants[0], Channel.Email);
        email[EmailFields.Subject] = "Shipped";
        email[EmailFields.HtmlBody] = "<p>Shipped</p>";
        CampaignFormEditing.MessageFor(form.Variants[0], Channel.Sms)[SmsFields.Body] = "Order {{ api_trigger_properties.${order_id} | upcas }}";
        var cut = RenderEditor(form);

        GoToStep(cut, "Review");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[aria-label='Template errors'] li")));
        NoticeSaying(cut, "You can save this as a draft; fix 2 problems before launching:");
        Assert.DoesNotContain("Everything is filled in correctly.", cut.Markup);
        Assert.Contains("From", Assert.Single(cut.FindAll("[aria-label='Problems'] li")).TextContent);
        Assert.True(Button(cut, "Launch").HasAttribute("disabled"));
    }

    [Fact]
    public void Review_OnlyARequiredFieldMissing_DisablesLaunchToo()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        CampaignFormEditing.AddChannel(form, Channel.Email);
        var email = CampaignFormEditing.MessageFor(form.Variants[0], Channel.Email);
        email[EmailFields.Subject] = "Shipped";
        email[EmailFields.HtmlBody] = "<p>Shipped</p>";
        var cut = RenderEditor(form);

        GoToStep(cut, "Review");

        NoticeSaying(cut, "You can save this as a draft; fix 1 problem before launching:");
        Assert.True(Button(cut, "Launch").HasAttribute("disabled"));
        Assert.False(Button(cut, "Save as draft").HasAttribute("disabled"));
    }

    [Fact]
    public void Review_TemplatesRenderCleanly_AllowsLaunch()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        var cut = RenderEditor(form);

        GoToStep(cut, "Review");

        Assert.Empty(cut.FindAll("[aria-label='Template errors'] li"));
        Assert.False(Button(cut, "Launch").HasAttribute("disabled"));
    }

    [Fact]
    public void Channels_TriggeredCampaign_ShowsPreviewBesideMessageAndSampleData()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        var cut = RenderEditor(form);

        GoToStep(cut, "Channels and messages");

        Assert.NotNull(cut.Find("[role=region][aria-label='Sample data']"));
        cut.WaitForAssertion(() => Assert.Equal("Your order  is on its way.", cut.Find("[aria-label='SMS/MMS preview'] .sms-bubble").TextContent),
            TimeSpan.FromSeconds(5));
        Type(cut, "Payload JSON", "{\"order_id\": \"A-17\"}");
        AfterThePause(cut, () => Assert.Equal("Your order A-17 is on its way.", cut.Find("[aria-label='SMS/MMS preview'] .sms-bubble").TextContent));
    }
}
