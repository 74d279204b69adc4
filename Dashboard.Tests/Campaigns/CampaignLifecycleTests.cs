using Dashboard.Campaigns;

namespace Dashboard.Tests.Campaigns;

public class CampaignLifecycleTests
{
    [Fact]
    public void Draft_OffersLaunchAndArchive_AndCanBeDeleted()
    {
        Assert.Equal([CampaignAction.Launch, CampaignAction.Archive], CampaignLifecycle.ActionsFor(CampaignStatus.Draft));
        Assert.True(CampaignLifecycle.CanDelete(CampaignStatus.Draft));
    }

    [Theory]
    [InlineData(CampaignStatus.Active)]
    [InlineData(CampaignStatus.Stopped)]
    [InlineData(CampaignStatus.Archived)]
    public void NonDraft_CannotBeDeleted(CampaignStatus status) => Assert.False(CampaignLifecycle.CanDelete(status));

    [Fact]
    public void Unarchive_ReturnsLaunchedCampaignToStopped_AndNeverLaunchedToDraft()
    {
        Assert.Equal(CampaignStatus.Stopped, CampaignLifecycle.Target(CampaignAction.Unarchive, everLaunched: true));
        Assert.Equal(CampaignStatus.Draft, CampaignLifecycle.Target(CampaignAction.Unarchive, everLaunched: false));
    }
}
