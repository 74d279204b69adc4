using Dashboard.Campaigns;

namespace Dashboard.Tests.Campaigns;

public class CampaignTextTests
{
    [Theory]
    [InlineData(false, 0, ReeligibilityUnit.Days, "Users receive this campaign once, however often it is triggered.")]
    [InlineData(true, 0, ReeligibilityUnit.Minutes, "Every trigger sends: users are re-eligible straight away.")]
    [InlineData(true, 1, ReeligibilityUnit.Hours, "Users can receive this campaign again after 1 hour: at most once per 1 hour.")]
    [InlineData(true, 30, ReeligibilityUnit.Days, "Users can receive this campaign again after 30 days: at most once per 30 days.")]
    public void Reeligibility_EachSetting_ReadsAsASentence(bool enabled, int amount, ReeligibilityUnit unit, string expected)
    {
        var form = new CampaignForm { ReeligibilityEnabled = enabled, ReeligibilityAmount = amount, ReeligibilityUnit = unit };

        Assert.Equal(expected, CampaignText.Reeligibility(form));
    }

    [Fact]
    public void ConversionEvent_EachType_NamesWhatCountsAndTheDeadline()
    {
        Assert.Equal("Starts a session in any app within 1 hour",
            CampaignText.ConversionEvent(new() { Type = ConversionEventType.StartsSession, DeadlineAmount = 1, DeadlineUnit = DeadlineUnit.Hours }));
        Assert.Equal("Starts a session in ios-app, web within 2 days",
            CampaignText.ConversionEvent(new() { Type = ConversionEventType.StartsSession, AppIds = ["ios-app", "web"], DeadlineAmount = 2 }));
        Assert.Equal("Purchases “Gift card” within 30 days",
            CampaignText.ConversionEvent(new() { Type = ConversionEventType.MakesPurchase, ProductName = "Gift card", DeadlineAmount = 30 }));
        Assert.Equal("Performs the custom event “signed_up” within 3 days",
            CampaignText.ConversionEvent(new() { Type = ConversionEventType.PerformsCustomEvent, EventName = "signed_up" }));
        Assert.Equal("Clicks Email within 3 days", CampaignText.ConversionEvent(new() { Type = ConversionEventType.ClicksEmail }));
    }
}
