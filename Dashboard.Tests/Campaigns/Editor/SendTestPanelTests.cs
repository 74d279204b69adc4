using BrazeLite.Core.Delivery;
using Bunit;

namespace Dashboard.Tests.Campaigns.Editor;

/// <summary>The editor's Send test: what the marketer picks reaches the service, and its answer shows beside the messages.</summary>
public sealed class SendTestPanelTests : DashboardTestContext
{
    private IRenderedComponent<Dashboard.Campaigns.Editor.CampaignEditor> Open(CampaignForm form)
    {
        var cut = RenderEditor(form);
        GoToStep(cut, "Channels");
        cut.WaitForAssertion(() => cut.Find("[aria-label='Send test']"));
        return cut;
    }

    [Fact]
    public void SendTest_TypedAddress_SendsTheFirstVariantsEmailAsEditedAndShowsTheResult()
    {
        var form = SampleCampaigns.Triggered();
        form.Variants[0].Messages.Single(m => m.Channel == Channel.Email)[EmailFields.Subject] = "Edited, not saved";
        var cut = Open(form);

        Type(cut, "Email addresses", "ana@example.com");
        Click(cut, "Send test");

        var request = Assert.Single(TestSends.Requests);
        Assert.Equal(Channel.Email, request.Message.Channel);
        Assert.Equal("Variant A", request.VariantName);
        Assert.Equal("Edited, not saved", ((EmailMessage)request.Message).Subject);
        Assert.Equal(TestAudience.Addresses, request.Audience);
        Assert.Equal("ana@example.com", request.Recipients);
        cut.WaitForAssertion(() => Assert.Contains("ana@example.com Captured Captured in the Test inbox", string.Join("\n", RowsOf(cut, "Test send results"))));
    }

    [Fact]
    public void SendTest_ServiceRefuses_ShowsWhyAtTheRecipientsField()
    {
        TestSends.Answer = _ => new TestSendOutcome("nobody is not an email address.", []);
        var cut = Open(SampleCampaigns.Triggered());

        Type(cut, "Email addresses", "nobody");
        Click(cut, "Send test");

        cut.WaitForAssertion(() => Assert.Equal("nobody is not an email address.", ErrorUnder(cut, "Email addresses")));
        Assert.Empty(cut.FindAll("[aria-label='Test send results']"));
    }
}
