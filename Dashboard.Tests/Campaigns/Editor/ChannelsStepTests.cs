using Bunit;
using Dashboard.Campaigns;
using Dashboard.Campaigns.Editor;

namespace Dashboard.Tests.Campaigns.Editor;

public class ChannelsStepTests : DashboardTestContext
{
    [Fact]
    public void AddChannel_Initially_OffersAllEightChannels()
    {
        var cut = RenderNew(CampaignType.Api);
        GoToStep(cut, "Channels");

        var offered = OpenMenu(cut, "Add channel");

        Assert.Equal(["iOS push", "Android push", "Kindle push", "Web push", "Email", "SMS/MMS", "Webhook", "Content Card"], offered);
    }

    [Fact]
    public void AddChannel_ChannelAlreadyAdded_IsNotOfferedAgain()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.Api);
        var cut = RenderEditor(form);
        GoToStep(cut, "Channels");

        ChooseMenuItem(cut, "Add channel", "Email");

        cut.WaitForAssertion(() => Assert.DoesNotContain("Email", OpenMenu(cut, "Add channel")));
        Assert.Single(form.Channels, c => c.Channel == Channel.Email);
    }

    [Fact]
    public void AddChannel_ApiCampaign_ShowsItsOwnLowerCaseVariationIdWithCopyButton()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.Api);
        var cut = RenderEditor(form);
        GoToStep(cut, "Channels");

        ChooseMenuItem(cut, "Add channel", "Email");
        ChooseMenuItem(cut, "Add channel", "SMS/MMS");

        cut.WaitForAssertion(() => Assert.Equal(2, form.Channels.Count));
        var emailId = form.Channels[0].MessageVariationId!;
        Assert.True(Ids.IsVariationId(emailId));
        Assert.NotEqual(emailId, form.Channels[1].MessageVariationId);
        Assert.Equal(emailId, cut.Find("code[aria-label='Email message variation ID']").TextContent);
        Assert.NotNull(cut.Find("button[aria-label='Copy Email message variation ID']"));
    }

    [Fact]
    public void RemoveChannel_ThenAddAgain_MintsNewVariationId()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.Api);
        var cut = RenderEditor(form);
        GoToStep(cut, "Channels");
        ChooseMenuItem(cut, "Add channel", "Webhook");
        cut.WaitForAssertion(() => Assert.Single(form.Channels));
        var firstId = form.Channels[0].MessageVariationId;

        Button(cut, "Remove Webhook").Click();
        cut.WaitForAssertion(() => Assert.Empty(form.Channels));
        ChooseMenuItem(cut, "Add channel", "Webhook");

        cut.WaitForAssertion(() => Assert.Single(form.Channels));
        Assert.NotEqual(firstId, form.Channels[0].MessageVariationId);
        Assert.Equal(form.Channels[0].MessageVariationId, cut.Find("code[aria-label='Webhook message variation ID']").TextContent);
    }

    [Fact]
    public void Channels_NoneAddedAndNextClicked_SaysToAddOneAndStays()
    {
        var cut = RenderNew(CampaignType.Api);
        GoToStep(cut, "Channels");

        Button(cut, "Next").Click();

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[role=alert]"), a => a.TextContent.Contains("Add at least one messaging channel.")));
        Assert.Contains(cut.FindAll("[role=alert]"), a => a.TextContent.Contains("Channels: fix the 1 field marked in red first"));
    }

    [Fact]
    public void WebhookUrl_NotHttp_ShowsMessageNextToField()
    {
        var cut = RenderNew(CampaignType.ApiTriggered);
        GoToStep(cut, "Channels");
        ChooseMenuItem(cut, "Add channel", "Webhook");

        cut.WaitForAssertion(() => Type(cut, "Webhook URL", "ftp://files.example.com/hook"));

        cut.WaitForAssertion(() => Assert.Equal("The webhook URL must start with http:// or https://.", ErrorUnder(cut, "Webhook URL")));
    }

    [Fact]
    public void WebhookUrl_HttpsWithLiquid_IsAccepted()
    {
        var cut = RenderNew(CampaignType.ApiTriggered);
        GoToStep(cut, "Channels");
        ChooseMenuItem(cut, "Add channel", "Webhook");

        cut.WaitForAssertion(() => Type(cut, "Webhook URL", "https://api.example.com/users/{{${user_id}}}"));

        cut.WaitForAssertion(() => Assert.Null(ErrorUnder(cut, "Webhook URL")));
    }

    [Fact]
    public void EmailMessage_ApiTriggered_OffersEveryEmailFieldAndStoresLiquidAsWritten()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        var cut = RenderEditor(form);
        GoToStep(cut, "Channels");
        ChooseMenuItem(cut, "Add channel", "Email");
        const string body = "<p>Hi {{${first_name} | default: 'there'}}</p>\n{% if api_trigger_properties.${vip} %}VIP{% endif %}";

        cut.WaitForAssertion(() => Type(cut, "HTML body", body));
        foreach (var label in new[] { "From", "Reply-to", "Subject", "Preheader", "Plain-text body" })
        {
            Assert.NotNull(Field(cut, label));
        }

        Assert.Equal(body, form.Variants[0].Messages.Single(m => m.Channel == Channel.Email)[EmailFields.HtmlBody]);
        Assert.Equal("TEXTAREA", Field(cut, "HTML body").TagName);
    }

    [Fact]
    public void MessageEditor_SecondVariantTab_EditsThatVariantsOwnCopy()
    {
        var form = ValidForm(CampaignType.ApiTriggered);
        CampaignFormEditing.AddVariant(form);
        var cut = RenderEditor(form);
        GoToStep(cut, "Channels");

        Tab(cut, "Variant 2").Click();
        cut.WaitForAssertion(() => Type(cut, "SMS body", "Second copy"));

        Assert.Equal("Second copy", form.Variants[1].Messages.Single()[SmsFields.Body]);
        Assert.StartsWith("Your order", form.Variants[0].Messages.Single()[SmsFields.Body]);
    }

    [Fact]
    public void RequiredMessageField_LeftEmptyAndNextClicked_ShowsMessageAndStays()
    {
        var cut = RenderNew(CampaignType.ApiTriggered);
        GoToStep(cut, "Channels");
        ChooseMenuItem(cut, "Add channel", "SMS/MMS");

        Click(cut, "Next");

        cut.WaitForAssertion(() => Assert.Equal("Body is required.", ErrorUnder(cut, "SMS body")));
    }

    [Fact]
    public void WebhookHeader_NameWithSpace_ShowsMessage()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        var cut = RenderEditor(form);
        GoToStep(cut, "Channels");
        ChooseMenuItem(cut, "Add channel", "Webhook");

        cut.WaitForAssertion(() => Click(cut, "Add header"));
        Type(cut, "Header 1 name", "X Api Key");
        Type(cut, "Header 1 value", "{{api_trigger_properties.${key}}}");

        cut.WaitForAssertion(() => Assert.Contains("Every header needs a name without spaces or colons.", cut.Find("[aria-label='Webhook headers']").TextContent));
        var header = Assert.Single(form.Variants[0].Messages.Single().WebhookHeaders);
        Assert.Equal(("X Api Key", "{{api_trigger_properties.${key}}}"), (header.Name, header.Value));
    }

    [Fact]
    public void WebhookMethod_Offered_IsPostPutDeleteGet()
    {
        var cut = RenderNew(CampaignType.ApiTriggered);
        GoToStep(cut, "Channels");
        ChooseMenuItem(cut, "Add channel", "Webhook");

        var methods = OpenSelect(cut, "Method");

        Assert.Equal(["POST", "PUT", "DELETE", "GET"], methods);
    }

    [Fact]
    public void ContentCard_BannerWithoutImage_ShowsMessageWhenNextIsClicked()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        var cut = RenderEditor(form);
        GoToStep(cut, "Channels");
        ChooseMenuItem(cut, "Add channel", "Content Card");

        cut.WaitForAssertion(() => ChooseOption(cut, "Card type", "Banner"));
        cut.WaitForAssertion(() => Assert.Equal(nameof(ContentCardType.Banner), form.Variants[0].Messages.Single()[ContentCardFields.Type]));
        Click(cut, "Next");

        cut.WaitForAssertion(() => Assert.Equal("This card type needs an image URL.", ErrorUnder(cut, "Image URL")));
        Assert.Equal(nameof(ContentCardType.Banner), form.Variants[0].Messages.Single()[ContentCardFields.Type]);
    }

    [Fact]
    public void Push_EachPushChannel_HasItsOwnLabelledFields()
    {
        var cut = RenderNew(CampaignType.ApiTriggered);
        GoToStep(cut, "Channels");
        ChooseMenuItem(cut, "Add channel", "iOS push");
        ChooseMenuItem(cut, "Add channel", "Android push");

        cut.WaitForAssertion(() => Type(cut, "Android push title", "Sale"));
        foreach (var label in new[] { "iOS push title", "iOS push body", "iOS push deep link", "Android push body", "Android push deep link" })
        {
            Assert.NotNull(Field(cut, label));
        }
    }
}
