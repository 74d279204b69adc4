using BrazeLite.Core.Accounts;
using BrazeLite.Core.Approvals;
using BrazeLite.Core.Audit;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Core.Approvals;

/// <summary>"Launches need approval": a Marketer asks, an Approver decides; the live version sends until a change is approved.</summary>
public sealed class ApprovalServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly TestActor _actor = new(TestActors.Admin);
    private SqliteTestDatabase _database = null!;
    private WorkspaceSettings _workspace = null!;
    private CampaignService _campaigns = null!;
    private ApprovalService _approvals = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        (_workspace, _campaigns, _approvals) = CoreServices.Approvals(_database, _time, _actor);
        Assert.Null(await _workspace.SetLaunchesNeedApprovalAsync(true));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<Campaign> DraftAsync()
    {
        var saved = await _campaigns.SaveAsync(SampleCampaigns.Triggered());
        Assert.True(saved.Succeeded, saved.Message);
        return (await _campaigns.GetAsync(saved.CampaignId!))!;
    }

    [Fact]
    public async Task Launch_ByAMarketer_WaitsForAnApproverWhoLaunchesIt()
    {
        _actor.Current = TestActors.Marketer;
        var draft = await DraftAsync();

        var direct = await _campaigns.ChangeStatusAsync(draft.CampaignId, CampaignAction.Launch, draft.Version);
        Assert.Equal(WriteOutcome.NotAllowed, direct.Outcome);
        Assert.StartsWith("Launches need an Approver here", direct.Message);
        var asked = await _approvals.RequestLaunchAsync(draft.CampaignId, draft.Version, "Ready for Monday");
        Assert.True(asked.Succeeded, asked.Message);
        Assert.False((await _approvals.RequestLaunchAsync(draft.CampaignId, draft.Version, null)).Succeeded);
        Assert.False((await _approvals.ApproveAsync(asked.RequestId!.Value, null)).Succeeded);
        Assert.Equal(CampaignStatus.Draft, (await _campaigns.GetAsync(draft.CampaignId))!.Status);

        _actor.Current = TestActors.Approver;
        var approved = await _approvals.ApproveAsync(asked.RequestId.Value, "Looks good");

        Assert.True(approved.Succeeded, approved.Message);
        Assert.Equal(CampaignStatus.Active, (await _campaigns.GetAsync(draft.CampaignId))!.Status);
        Assert.Null(await _approvals.PendingForAsync(draft.CampaignId));
        var history = await new AuditTrail(_database, _actor, _time).ForCampaignAsync(draft.CampaignId);
        Assert.Equal(["Approved", "Launched", "Launch approval requested", "Created"], history.Select(e => e.Action));
        Assert.Equal(["Avery Approver", "Avery Approver", "Mia Marketer", "Mia Marketer"], history.Select(e => e.ActorName));
        Assert.Equal("Launch requested by Mia Marketer: Looks good", history[0].Comment);
    }

    [Fact]
    public async Task Change_ToAnActiveCampaign_KeepsTheLiveVersionUntilApproved()
    {
        var draft = await DraftAsync();
        await _campaigns.ChangeStatusAsync(draft.CampaignId, CampaignAction.Launch, draft.Version);
        _actor.Current = TestActors.Marketer;
        var form = (await _campaigns.GetFormAsync(draft.CampaignId))!;
        form.Variants[0].Messages.Single(m => m.Channel == Channel.Sms)[SmsFields.Body] = "New copy for {{${first_name}}}";

        var direct = await _campaigns.SaveAsync(form);
        Assert.StartsWith("Changes to an Active campaign need an Approver here", direct.Message);
        var asked = await _approvals.RequestChangeAsync(form, null);
        Assert.True(asked.Succeeded, asked.Message);

        var live = (await _campaigns.GetAsync(draft.CampaignId))!;
        Assert.NotEqual("New copy for {{${first_name}}}", Sms(live));
        var review = (await _approvals.ReviewAsync(asked.RequestId!.Value))!;
        Assert.Equal([new FieldChange("Variant A › SMS/MMS › Body", Sms(live), "New copy for {{${first_name}}}")], review.Changes);

        _actor.Current = TestActors.Approver;
        Assert.Equal("Say why in the comment, so the requester knows what to change.", (await _approvals.RejectAsync(asked.RequestId.Value, " ")).Message);
        Assert.True((await _approvals.ApproveAsync(asked.RequestId.Value, null)).Succeeded);
        var after = (await _campaigns.GetAsync(draft.CampaignId))!;
        Assert.Equal("New copy for {{${first_name}}}", Sms(after));
        Assert.Equal(CampaignStatus.Active, after.Status);
    }

    [Fact]
    public async Task Request_WhenTheCampaignChangedMeanwhile_CannotBeApprovedButCanBeRejected()
    {
        var draft = await DraftAsync();
        _actor.Current = TestActors.Marketer;
        var asked = await _approvals.RequestLaunchAsync(draft.CampaignId, draft.Version, null);
        var form = (await _campaigns.GetFormAsync(draft.CampaignId))!;
        form.Description = "Edited after asking";
        Assert.True((await _campaigns.SaveAsync(form)).Succeeded);

        _actor.Current = TestActors.Approver;
        var approve = await _approvals.ApproveAsync(asked.RequestId!.Value, null);
        var reject = await _approvals.RejectAsync(asked.RequestId.Value, "Edited since: ask again");

        Assert.Equal("The campaign has changed since this was asked: reject it and ask for a new approval.", approve.Message);
        Assert.True(reject.Succeeded);
        Assert.Equal(CampaignStatus.Draft, (await _campaigns.GetAsync(draft.CampaignId))!.Status);
        Assert.Equal(ApprovalState.Rejected, (await _approvals.ReviewAsync(asked.RequestId.Value))!.Request.State);
    }

    [Fact]
    public async Task SettingOff_MarketersLaunchThemselves_AndOnlyAnAdminChangesIt()
    {
        _actor.Current = TestActors.Approver;
        Assert.Equal("Your role (Approver) cannot change workspace settings.", await _workspace.SetLaunchesNeedApprovalAsync(false));
        _actor.Current = TestActors.Admin;
        Assert.Null(await _workspace.SetLaunchesNeedApprovalAsync(false));
        _actor.Current = TestActors.Marketer;
        var draft = await DraftAsync();

        Assert.True((await _campaigns.ChangeStatusAsync(draft.CampaignId, CampaignAction.Launch, draft.Version)).Succeeded);
    }

    private static string? Sms(Campaign campaign) => campaign.Variants[0].Messages.OfType<SmsMessage>().Single().Body;
}
