using BrazeLite.Core.Accounts;
using BrazeLite.Core.ApiKeys;
using BrazeLite.Core.Audit;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Core.Audit;

/// <summary>What the trail records for each change: who, when, what, and each field before and after.</summary>
public sealed class AuditTrailTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly TestActor _actor = new(TestActors.Marketer);
    private SqliteTestDatabase _database = null!;
    private CampaignService _campaigns = null!;
    private SampleDataService _samples = null!;
    private AuditTrail _audit = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _campaigns = CoreServices.Campaigns(_database, _time, _actor);
        _samples = CoreServices.Samples(_database, _time, _actor);
        _audit = new AuditTrail(_database, _actor, _time);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task CampaignLife_EachStepIsRecordedWithWhoWhenAndTheFieldsThatChanged()
    {
        var created = await _campaigns.SaveAsync(SampleCampaigns.Triggered("Basket"));
        _time.Advance(TimeSpan.FromMinutes(5));
        var form = (await _campaigns.GetFormAsync(created.CampaignId!))!;
        form.Name = "Basket reminder";
        form.Variants[1].Messages.Single(m => m.Channel == Channel.Sms)[SmsFields.Body] = "Still there?";
        form.ControlPercentage = 20;
        form.Variants[0].Percentage = 40;
        form.Variants[1].Percentage = 40;
        var edited = await _campaigns.SaveAsync(form);
        Assert.True(edited.Succeeded, edited.Message);
        _actor.Current = TestActors.Approver;
        await _campaigns.ChangeStatusAsync(created.CampaignId!, CampaignAction.Launch, edited.Version!.Value);

        var history = await _audit.ForCampaignAsync(created.CampaignId!);

        Assert.Equal(["Launched", "Edited", "Created"], history.Select(e => e.Action));
        var launch = history[0];
        Assert.Equal((TestActors.Approver.AccountId, "Avery Approver"), (launch.ActorId, launch.ActorName));
        Assert.Equal([new FieldChange("Status", "Draft", "Active")], launch.Changes);
        var edit = history[1];
        Assert.Equal(("Mia Marketer", Start.AddMinutes(5)), (edit.ActorName, edit.At));
        Assert.Contains(new FieldChange("Name", "Basket", "Basket reminder"), edit.Changes);
        Assert.Contains(new FieldChange("ControlPercentage", "10", "20"), edit.Changes);
        Assert.Contains(new FieldChange("Variants[0].Percentage", "45", "40"), edit.Changes);
        var sms = Assert.Single(edit.Changes, c => c.Field.StartsWith("Variant B", StringComparison.Ordinal));
        Assert.Equal("Variant B › SMS/MMS › Body", sms.Field);
        Assert.Equal("Still there?", sms.After);
        Assert.Equal(5, edit.Changes.Count);
        Assert.Equal("Basket", history[2].SubjectName);
    }

    [Fact]
    public async Task Save_WithNothingChanged_AddsNoEntry()
    {
        var created = await _campaigns.SaveAsync(SampleCampaigns.Triggered());
        await _campaigns.SaveAsync((await _campaigns.GetFormAsync(created.CampaignId!))!);

        Assert.Single(await _audit.ForCampaignAsync(created.CampaignId!));
    }

    [Fact]
    public async Task Refused_Write_LeavesNoEntry()
    {
        var created = await _campaigns.SaveAsync(SampleCampaigns.Triggered());
        var form = (await _campaigns.GetFormAsync(created.CampaignId!))!;
        form.Name = "";
        await _campaigns.SaveAsync(form);
        _actor.Current = TestActors.Viewer;
        await _campaigns.DeleteAsync(created.CampaignId!, created.Version!.Value);

        Assert.Single(await _audit.ForCampaignAsync(created.CampaignId!));
    }

    [Fact]
    public async Task SamplesAndDeletion_AreInTheCampaignsHistory_AndDeletionOutlivesTheCampaign()
    {
        var created = await _campaigns.SaveAsync(SampleCampaigns.Triggered());
        var payload = await _samples.SavePayloadAsync(created.CampaignId!, new SamplePayloadForm { Name = "Order", Json = """{"id": 1}""" });
        await _samples.SavePayloadAsync(created.CampaignId!, new SamplePayloadForm { Id = payload.Id, Version = payload.Version, Name = "Order", Json = """{"id": 2}""" });
        var latest = (await _samples.ListAsync(created.CampaignId!)).Payloads.Single();
        await _samples.DeleteAsync(created.CampaignId!, SampleKind.Payload, latest.Id, latest.Version);
        await _campaigns.DeleteAsync(created.CampaignId!, created.Version!.Value);

        var history = await _audit.ForCampaignAsync(created.CampaignId!);

        Assert.Equal(["Deleted", "Sample deleted", "Sample edited", "Sample created", "Created"], history.Select(e => e.Action));
        Assert.Equal([new FieldChange("Json", """{"id": 1}""", """{"id": 2}""")], history[2].Changes);
        Assert.Equal("Sample payload “Order”", history[1].SubjectName);
    }

    [Fact]
    public async Task ApiKeys_CreateAndRevoke_AreInTheWholeTrailForAnAdminOnly()
    {
        _actor.Current = TestActors.Admin;
        var (keys, _, _) = CoreServices.ApiKeys(_database, _time, _actor);
        var created = await keys.CreateAsync(new ApiKeyForm { Name = "Orders", Permissions = [ApiPermissions.CampaignsTriggerSend] });
        await keys.RevokeAsync(created.Key!.KeyId, created.Key.Version);

        var page = (await _audit.ListAsync(new AuditQuery(Area: AuditArea.ApiKey)))!;

        Assert.Equal(["API key revoked", "API key created"], page.Entries.Select(e => e.Action));
        Assert.All(page.Entries, e => Assert.Equal("Ada Admin", e.ActorName));
        Assert.Contains(new FieldChange("Name", null, "Orders"), page.Entries[1].Changes);
        Assert.DoesNotContain(page.Entries.SelectMany(e => e.Changes), c => c.After?.Contains(created.Secret!, StringComparison.Ordinal) == true);
        Assert.Equal(2, (await _audit.ListAsync(new AuditQuery(Search: "orders")))!.Total);
        Assert.Equal(0, (await _audit.ListAsync(new AuditQuery(From: Start.AddDays(1))))!.Total);
    }
}
