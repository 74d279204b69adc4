using Bunit;
using Dashboard.Campaigns;
using Dashboard.Campaigns.Editor;

namespace Dashboard.Tests.Campaigns.Editor;

public class ConversionEventsEditorTests : DashboardTestContext
{
    private IRenderedComponent<CampaignEditor> RenderAtConversionEvents(CampaignForm form)
    {
        var cut = RenderEditor(form);
        GoToStep(cut, "Conversion events");
        return cut;
    }

    [Fact]
    public void AddConversionEvent_FourAdded_ButtonDisabledWithNote()
    {
        var form = ValidForm(CampaignType.Api);
        var cut = RenderAtConversionEvents(form);

        for (var i = 0; i < 4; i++)
        {
            Click(cut, "Add conversion event");
        }

        cut.WaitForAssertion(() => Assert.True(Button(cut, "Add conversion event").HasAttribute("disabled")));
        Assert.Equal("A campaign has at most 4 conversion events.", DescriptionOf(cut, Button(cut, "Add conversion event")));
        Assert.Equal(4, form.ConversionEvents.Count);
        Assert.Null(CampaignFormEditing.AddConversionEvent(form));
    }

    [Fact]
    public void ConversionEvents_FirstOne_IsMarkedPrimary()
    {
        var cut = RenderAtConversionEvents(ValidForm(CampaignType.Api));

        Click(cut, "Add conversion event");
        Click(cut, "Add conversion event");

        cut.WaitForAssertion(() => Assert.Contains("Primary", cut.Find("[aria-label='Conversion event 1']").TextContent));
        Assert.DoesNotContain("Primary", cut.Find("[aria-label='Conversion event 2']").TextContent);
    }

    [Fact]
    public void CustomEvent_WithoutName_ShowsMessageNextToName()
    {
        var cut = RenderAtConversionEvents(ValidForm(CampaignType.Api));
        Click(cut, "Add conversion event");

        ChooseOption(cut, "Event type", "Performs Custom Event");

        cut.WaitForAssertion(() => Assert.Equal("Name the custom event.", ErrorUnder(cut, "Custom event name")));
        Type(cut, "Custom event name", "added_to_cart");
        cut.WaitForAssertion(() => Assert.Null(ErrorUnder(cut, "Custom event name")));
    }

    [Theory]
    [InlineData("31", "days")]
    [InlineData("0", "hours")]
    [InlineData("721", "hours")]
    public void Deadline_OutOfRange_ShowsMessage(string amount, string unit)
    {
        var cut = RenderAtConversionEvents(ValidForm(CampaignType.Api));
        Click(cut, "Add conversion event");
        if (unit == "hours")
        {
            ChooseOption(cut, "Deadline unit", "hours");
        }

        Type(cut, "Deadline", amount);

        cut.WaitForAssertion(() => Assert.Equal("The deadline is between 1 hour and 30 days.", ErrorUnder(cut, "Deadline")));
    }

    [Fact]
    public void Deadline_ThirtyDays_IsAccepted()
    {
        var form = ValidForm(CampaignType.Api);
        var cut = RenderAtConversionEvents(form);
        Click(cut, "Add conversion event");

        Type(cut, "Deadline", "30");

        cut.WaitForAssertion(() => Assert.Equal(30, form.ConversionEvents[0].DeadlineAmount));
        Assert.Null(ErrorUnder(cut, "Deadline"));
    }

    [Fact]
    public void EmailEvents_CampaignWithoutEmail_AreNotOffered()
    {
        var cut = RenderAtConversionEvents(ValidForm(CampaignType.Api));
        Click(cut, "Add conversion event");

        var offered = OpenSelect(cut, "Event type");

        Assert.Equal(["Starts Session", "Makes Purchase", "Performs Custom Event", "Upgrades App"], offered);
        Assert.Equal("Opens Email and Clicks Email need an email channel.", DescriptionOf(cut, Button(cut, "Add conversion event")));
    }

    [Fact]
    public void EmailEvents_CampaignWithEmail_AreOffered()
    {
        var form = ValidForm(CampaignType.Api);
        CampaignFormEditing.AddChannel(form, Channel.Email);
        var cut = RenderAtConversionEvents(form);
        Click(cut, "Add conversion event");

        var offered = OpenSelect(cut, "Event type");

        Assert.Contains("Opens Email", offered);
        Assert.Contains("Clicks Email", offered);
    }

    [Fact]
    public void MoveDown_FirstEvent_BecomesSecondAndSecondBecomesPrimary()
    {
        var form = ValidForm(CampaignType.Api);
        form.ConversionEvents.Add(new ConversionEventForm { Type = ConversionEventType.UpgradesApp });
        form.ConversionEvents.Add(new ConversionEventForm { Type = ConversionEventType.PerformsCustomEvent, EventName = "signed_up" });
        var cut = RenderAtConversionEvents(form);

        Click(cut, "Move Conversion event 1 down");

        Assert.Equal([ConversionEventType.PerformsCustomEvent, ConversionEventType.UpgradesApp], form.ConversionEvents.Select(e => e.Type));
        cut.WaitForAssertion(() => Assert.Contains("Primary", cut.Find("[aria-label='Conversion event 1']").TextContent));
        Assert.Equal("signed_up", Field(cut, "Custom event name").GetAttribute("value"));
    }

    [Fact]
    public void Remove_SecondEvent_LeavesTheFirst()
    {
        var form = ValidForm(CampaignType.Api);
        form.ConversionEvents.Add(new ConversionEventForm { Type = ConversionEventType.UpgradesApp });
        form.ConversionEvents.Add(new ConversionEventForm { Type = ConversionEventType.MakesPurchase });
        var cut = RenderAtConversionEvents(form);

        Click(cut, "Remove Conversion event 2");

        Assert.Equal([ConversionEventType.UpgradesApp], form.ConversionEvents.Select(e => e.Type));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[aria-label='Conversion event 2']")));
    }

    [Fact]
    public void MakesPurchase_NamedProduct_StoresTheProductName()
    {
        var form = ValidForm(CampaignType.Api);
        form.ConversionEvents.Add(new ConversionEventForm { Type = ConversionEventType.MakesPurchase });
        var cut = RenderAtConversionEvents(form);

        cut.FindAll("label").Single(l => l.TextContent.Trim() == "A named product").QuerySelector("input")!.Click();
        cut.WaitForAssertion(() => Type(cut, "Product name", "Gift card"));

        Assert.Equal("Gift card", form.ConversionEvents[0].ProductName);
    }
}
