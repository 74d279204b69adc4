using BrazeLite.Core.Accounts;
using BrazeLite.Core.ApiKeys;
using BrazeLite.Core.Audit;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Core.Accounts;

/// <summary>
/// Each role against each write, at the services: the dashboard hides what a role may not do, and the services refuse
/// it anyway (a Viewer's circuit, a stale tab or a crafted event is not stopped by a hidden button).
/// </summary>
public sealed class RoleAccessTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly TestActor _actor = new();
    private SqliteTestDatabase _database = null!;
    private CampaignService _campaigns = null!;
    private SampleDataService _samples = null!;
    private ApiKeyService _keys = null!;
    private AuditTrail _audit = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _campaigns = CoreServices.Campaigns(_database, _time, _actor);
        _samples = CoreServices.Samples(_database, _time, _actor);
        (_keys, _, _) = CoreServices.ApiKeys(_database, _time, _actor);
        _audit = new AuditTrail(_database, _actor, _time);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    // The expected answers are written out, not derived from Roles.Can: this table is the specification.
    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Approver, true)]
    [InlineData(Roles.Marketer, true)]
    [InlineData(Roles.Viewer, false)]
    public async Task CampaignWrites_ByRole_AreDoneOnlyForRolesThatEdit(string role, bool allowed)
    {
        var saved = await AsAdminAsync(() => _campaigns.SaveAsync(SampleCampaigns.Triggered("Existing")));
        var draft = await AsAdminAsync(() => _campaigns.SaveAsync(SampleCampaigns.Triggered("Draft to delete")));
        As(role);

        var results = new List<(string What, WriteResult Result)>
        {
            ("create", await _campaigns.SaveAsync(SampleCampaigns.Triggered($"New by {role}"))),
            ("edit", await _campaigns.SaveAsync(await EditedAsync(saved.CampaignId!))),
        };
        var current = (await _campaigns.GetAsync(saved.CampaignId!))!;
        results.Add(("launch", await _campaigns.ChangeStatusAsync(current.CampaignId, CampaignAction.Launch, current.Version)));
        results.Add(("duplicate", await _campaigns.DuplicateAsync(saved.CampaignId!)));
        results.Add(("delete", await _campaigns.DeleteAsync(draft.CampaignId!, draft.Version!.Value)));

        foreach (var (what, result) in results)
        {
            Assert.True(result.Succeeded == allowed, $"{role} {what}: {result.Outcome} {result.Message}");
            if (!allowed)
            {
                Assert.Equal(WriteOutcome.NotAllowed, result.Outcome);
                Assert.Equal($"Your role ({role}) cannot {(what == "launch" ? "launch campaigns" : "change campaigns")}.", result.Message);
            }
        }
        var stored = (await _campaigns.GetAsync(saved.CampaignId!))!;
        Assert.Equal(allowed ? "Edited by someone" : "Your basket misses you, {{${first_name} | default: 'friend'}}", stored.Variants[0].Messages.Single(m => m.Channel == Channel.Email) is EmailMessage email ? email.Subject : null);
        Assert.Equal(allowed ? CampaignStatus.Active : CampaignStatus.Draft, stored.Status);
        Assert.Equal(allowed ? null : "Draft to delete", (await _campaigns.GetAsync(draft.CampaignId!))?.Name);
    }

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Approver, true)]
    [InlineData(Roles.Marketer, true)]
    [InlineData(Roles.Viewer, false)]
    public async Task SampleWrites_ByRole_AreDoneOnlyForRolesThatEdit(string role, bool allowed)
    {
        var campaign = await AsAdminAsync(() => _campaigns.SaveAsync(SampleCampaigns.Triggered()));
        var existing = await AsAdminAsync(() => _samples.SavePayloadAsync(campaign.CampaignId!, new SamplePayloadForm { Name = "Existing", Json = "{}" }));
        As(role);

        var results = new[]
        {
            await _samples.SavePayloadAsync(campaign.CampaignId!, new SamplePayloadForm { Name = "Order", Json = """{"order_id": 1}""" }),
            await _samples.SaveUserAsync(campaign.CampaignId!, new SampleUserForm { Name = "Ana", CustomAttributesJson = "{}" }),
            await _samples.RenameAsync(campaign.CampaignId!, SampleKind.Payload, existing.Id!.Value, "Renamed", existing.Version!.Value),
        };

        Assert.All(results, r => Assert.True(r.Succeeded == allowed, $"{role}: {r.Outcome} {r.Message}"));
        var samples = await _samples.ListAsync(campaign.CampaignId!);
        Assert.Equal(allowed ? ["Renamed", "Order"] : ["Existing"], samples.Payloads.Select(p => p.Name));
        if (!allowed)
        {
            Assert.All(results, r => Assert.Equal($"Your role ({role}) cannot change sample data.", r.Message));
            var delete = await _samples.DeleteAsync(campaign.CampaignId!, SampleKind.Payload, existing.Id!.Value, existing.Version!.Value);
            Assert.Equal(WriteOutcome.NotAllowed, delete.Outcome);
            Assert.Single((await _samples.ListAsync(campaign.CampaignId!)).Payloads);
        }
    }

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Approver, false)]
    [InlineData(Roles.Marketer, false)]
    [InlineData(Roles.Viewer, false)]
    public async Task ApiKeys_ByRole_OnlyAnAdminListsCreatesOrRevokes(string role, bool allowed)
    {
        var existing = await AsAdminAsync(() => _keys.CreateAsync(new ApiKeyForm { Name = "Orders", Permissions = [ApiPermissions.CampaignsTriggerSend] }));
        As(role);

        var listed = await _keys.ListAsync();
        var created = await _keys.CreateAsync(new ApiKeyForm { Name = "Mine", Permissions = [ApiPermissions.UsersTrack] });
        var revoked = await _keys.RevokeAsync(existing.Key!.KeyId, existing.Key.Version);

        Assert.Equal(allowed ? 1 : 0, listed.Count);
        Assert.Equal(allowed, created.Succeeded);
        Assert.Equal(allowed, revoked.Succeeded);
        if (!allowed)
        {
            Assert.Null(created.Secret);
            Assert.Equal($"Your role ({role}) cannot manage API keys.", revoked.Message);
            As(Roles.Admin);
            var keys = await _keys.ListAsync();
            Assert.False(Assert.Single(keys).Revoked);
        }
    }

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Approver, false)]
    [InlineData(Roles.Marketer, false)]
    [InlineData(Roles.Viewer, false)]
    public async Task WholeAuditTrail_ByRole_OnlyAnAdminReadsIt(string role, bool allowed)
    {
        var campaign = await AsAdminAsync(() => _campaigns.SaveAsync(SampleCampaigns.Triggered()));
        As(role);

        var page = await _audit.ListAsync(new AuditQuery());
        var history = await _audit.ForCampaignAsync(campaign.CampaignId!);

        Assert.Equal(allowed, page is not null);
        // A campaign's own history is open to everyone who can read the campaign.
        Assert.Equal("Created", Assert.Single(history).Action);
    }

    [Fact]
    public async Task Writes_WithNobodySignedIn_AreRefusedAskingToSignInAgain()
    {
        var saved = await AsAdminAsync(() => _campaigns.SaveAsync(SampleCampaigns.Triggered()));
        _actor.Current = null;

        var create = await _campaigns.SaveAsync(SampleCampaigns.Triggered("Anonymous"));
        var sample = await _samples.SavePayloadAsync(saved.CampaignId!, new SamplePayloadForm { Name = "x", Json = "{}" });
        var key = await _keys.CreateAsync(new ApiKeyForm { Name = "x", Permissions = [ApiPermissions.UsersTrack] });

        Assert.Equal("You are not signed in any more: sign in again to make changes.", create.Message);
        Assert.Equal(create.Message, sample.Message);
        Assert.Equal(create.Message, key.Message);
        _actor.Current = TestActors.Admin;
        Assert.Equal(1, (await _campaigns.ListAsync(new CampaignQuery())).TotalCount);
    }

    private void As(string role) => _actor.Current = TestActors.ByRole(role);

    private async Task<T> AsAdminAsync<T>(Func<Task<T>> action)
    {
        var before = _actor.Current;
        _actor.Current = TestActors.Admin;
        try
        {
            return await action();
        }
        finally
        {
            _actor.Current = before;
        }
    }

    private async Task<CampaignForm> EditedAsync(string campaignId)
    {
        var form = (await AsAdminAsync(() => _campaigns.GetFormAsync(campaignId)))!;
        form.Variants[0].Messages.Single(m => m.Channel == Channel.Email)[EmailFields.Subject] = "Edited by someone";
        return form;
    }
}
