using Bunit;
using Dashboard.Campaigns;
using Dashboard.Campaigns.Editor;

namespace Dashboard.Tests.Campaigns.Editor;

public class DetailsStepTests : DashboardTestContext
{
    [Fact]
    public void Name_ClearedAfterTyping_ShowsNameRequiredMessage()
    {
        var cut = RenderNew(CampaignType.Api);

        Type(cut, "Name", "Spring sale");
        Type(cut, "Name", "");

        cut.WaitForAssertion(() => Assert.Equal("Give the campaign a name.", ErrorUnder(cut, "Name")));
    }

    [Fact]
    public void Name_Untouched_ShowsNoMessageYet()
    {
        var cut = RenderNew(CampaignType.Api);

        Assert.Null(ErrorUnder(cut, "Name"));
    }

    [Fact]
    public void Name_TakenByAnotherCampaign_ShowsDuplicateMessageWhenLeavingTheField()
    {
        Campaigns.TakenNames.Add("Welcome series");
        var cut = RenderNew(CampaignType.Api);

        Type(cut, "Name", "welcome series ");
        Field(cut, "Name").Blur();

        cut.WaitForAssertion(() =>
            Assert.Equal("Another campaign is already called “welcome series”.", ErrorUnder(cut, "Name")));
    }

    [Fact]
    public void Name_ChangedAfterDuplicateMessage_DropsTheMessage()
    {
        Campaigns.TakenNames.Add("Welcome series");
        var cut = RenderNew(CampaignType.Api);
        Type(cut, "Name", "Welcome series");
        Field(cut, "Name").Blur();
        cut.WaitForAssertion(() => Assert.NotNull(ErrorUnder(cut, "Name")));

        Type(cut, "Name", "Welcome series 2");

        cut.WaitForAssertion(() => Assert.Null(ErrorUnder(cut, "Name")));
    }

    [Fact]
    public void SaveDraft_NameTaken_ShowsMessageAndDoesNotSave()
    {
        Campaigns.TakenNames.Add("Order shipped");
        var cut = RenderEditor(ValidForm(CampaignType.Api));

        Button(cut, "Save draft").Click();

        cut.WaitForAssertion(() => Assert.Contains("Another campaign is already called", ErrorUnder(cut, "Name")));
        Assert.Empty(Campaigns.Saved);
    }

    [Fact]
    public void Tag_AddedTwice_ShowsChipOnceAndSaysItIsThere()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.Api);
        var cut = RenderEditor(form);

        Type(cut, "Tag", "onboarding");
        Button(cut, "Add tag").Click();
        Type(cut, "Tag", "Onboarding");
        Button(cut, "Add tag").Click();

        cut.WaitForAssertion(() => Assert.Equal("The tag \"Onboarding\" is already there.", ErrorUnder(cut, "Tag")));
        Assert.Equal(["onboarding"], form.Tags);
        Assert.NotNull(ChipCloseButton(cut, "onboarding"));
    }

    [Fact]
    public void MessageType_Transactional_SetsReeligibilityToEveryTrigger()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.ApiTriggered);
        var cut = RenderEditor(form);

        cut.FindAll("label").Single(l => l.TextContent.Trim() == "Transactional").QuerySelector("input")!.Click();

        cut.WaitForAssertion(() => Assert.Equal(MessageType.Transactional, form.MessageType));
        Assert.True(form.ReeligibilityEnabled);
        Assert.Equal(0, form.ReeligibilityAmount);
        Assert.Equal(ReeligibilityUnit.Minutes, form.ReeligibilityUnit);
        GoToStep(cut, "Delivery");
        cut.WaitForAssertion(() => Assert.Equal("0", Field(cut, "Re-eligible after").GetAttribute("value")));
    }

    [Fact]
    public void MessageType_ApiCampaign_IsNotOffered()
    {
        var cut = RenderNew(CampaignType.Api);

        Assert.DoesNotContain(cut.FindAll("label"), l => l.TextContent.Trim() == "Transactional");
    }

    [Fact]
    public void Tag_ChipClosed_IsRemoved()
    {
        var form = CampaignFormEditing.NewForm(CampaignType.Api);
        form.Tags.AddRange(["onboarding", "q3"]);
        var cut = RenderEditor(form);

        ChipCloseButton(cut, "onboarding").Click();

        cut.WaitForAssertion(() => Assert.Equal(["q3"], form.Tags));
    }
}
