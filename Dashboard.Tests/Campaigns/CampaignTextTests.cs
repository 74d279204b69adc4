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
        Assert.Equal(expected, CampaignText.Reeligibility(new Reeligibility(enabled, amount, unit)));
    }

    private static ConversionEvent Event(ConversionEventType type, int amount = 3, DeadlineUnit unit = DeadlineUnit.Days,
        string[]? apps = null, string? product = null, string? eventName = null) => new(type, apps ?? [], product, eventName, amount, unit);

    [Fact]
    public void ConversionEvent_EachType_NamesWhatCountsAndTheDeadline()
    {
        Assert.Equal("Starts a session in any app within 1 hour", CampaignText.ConversionEvent(Event(ConversionEventType.StartsSession, 1, DeadlineUnit.Hours)));
        Assert.Equal("Starts a session in ios-app, web within 2 days", CampaignText.ConversionEvent(Event(ConversionEventType.StartsSession, 2, apps: ["ios-app", "web"])));
        Assert.Equal("Purchases “Gift card” within 30 days", CampaignText.ConversionEvent(Event(ConversionEventType.MakesPurchase, 30, product: "Gift card")));
        Assert.Equal("Performs the custom event “signed_up” within 3 days", CampaignText.ConversionEvent(Event(ConversionEventType.PerformsCustomEvent, eventName: "signed_up")));
        Assert.Equal("Clicks Email within 3 days", CampaignText.ConversionEvent(Event(ConversionEventType.ClicksEmail)));
    }
}
