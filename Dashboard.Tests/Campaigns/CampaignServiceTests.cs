using Microsoft.Extensions.Time.Testing;
using System.Text.Json;
using Dashboard.Campaigns;
using BrazeLite.Core.Data;
using BrazeLite.Core.Campaigns.Storage;
using BrazeLite.Core.Samples.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Campaigns;

public sealed class CampaignServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private SqliteTestDatabase _database = null!;
    private CampaignService _service = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _service = CoreServices.Campaigns(_database, _time);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    // Saving and reading

    [Fact]
    public async Task Save_NewApiCampaign_RoundTripsEveryField()
    {
        var form = SampleCampaigns.Api();

        var result = await _service.SaveAsync(form);

        Assert.Equal(WriteOutcome.Done, result.Outcome);
        Assert.True(Ids.IsVariationId(result.CampaignId));
        var loaded = await _service.GetFormAsync(result.CampaignId!);
        Assert.NotNull(loaded);
        Assert.Equal(result.CampaignId, loaded.CampaignId);
        Assert.Equal(result.Version, loaded.Version);
        Assert.Equal(CampaignStatus.Draft, loaded.Status);
        Assert.Equal(Content(form), Content(loaded));
        Assert.Equal(form.Channels.Select(c => c.MessageVariationId), loaded.Channels.Select(c => c.MessageVariationId));
    }

    [Fact]
    public async Task Save_NewTriggeredCampaign_RoundTripsEveryField()
    {
        var form = SampleCampaigns.Triggered();

        var result = await _service.SaveAsync(form);

        Assert.Equal(WriteOutcome.Done, result.Outcome);
        var loaded = await _service.GetFormAsync(result.CampaignId!);
        Assert.NotNull(loaded);
        Assert.Equal(Content(form), Content(loaded));
        Assert.Equal(6, loaded.Variants[1].Messages.Count);
        Assert.Equal("https://hooks.shop.example/basket/{{api_trigger_properties.${basket_id}}}",
            loaded.Variants[0].Messages.Single(m => m.Channel == Channel.Webhook)[WebhookFields.Url]);
        Assert.Equal(nameof(ContentCardType.CaptionedImage), loaded.Variants[0].Messages.Single(m => m.Channel == Channel.ContentCard)[ContentCardFields.Type]);
        Assert.Equal(MessageType.Transactional, loaded.MessageType);
        Assert.Equal(form.ControlVariationId, loaded.ControlVariationId);
    }

    [Fact]
    public async Task Save_New_StoresTimesVersionAndNormalisedName()
    {
        var result = await _service.SaveAsync(SampleCampaigns.Api("  Order Shipped  "));

        var row = await _database.LoadAsync(result.CampaignId!);
        Assert.Equal("Order Shipped", row.Name);
        Assert.Equal("order shipped", row.NormalizedName);
        Assert.Equal(Start, row.CreatedAt);
        Assert.Equal(Start, row.UpdatedAt);
        Assert.Equal(result.Version, row.Version);
        Assert.False(row.EverLaunched);
    }

    [Fact]
    public async Task Save_NewWithActiveStatus_IsStoredAsDraft()
    {
        var form = SampleCampaigns.Api();
        form.Status = CampaignStatus.Active;

        var result = await _service.SaveAsync(form);

        Assert.Equal(CampaignStatus.Draft, (await _database.LoadAsync(result.CampaignId!)).Status);
    }

    [Fact]
    public async Task Save_TagsAndNamesWithSpaces_AreTrimmed()
    {
        var form = SampleCampaigns.Triggered();
        form.Tags = ["  retention ", "q4"];
        form.Variants[0].Name = "  Variant A  ";

        var loaded = await CreateAsync(form);

        Assert.Equal(["retention", "q4"], loaded.Tags);
        Assert.Equal("Variant A", loaded.Variants[0].Name);
    }

    [Fact]
    public async Task Save_MessagesOfChannelsNotInCampaign_AreNotStored()
    {
        var form = SampleCampaigns.Triggered();
        form.Channels.RemoveAll(c => c.Channel is not (Channel.Sms or Channel.Email));

        var loaded = await CreateAsync(form);

        Assert.All(loaded.Variants, v => Assert.Equal([Channel.Email, Channel.Sms], v.Messages.Select(m => m.Channel)));
    }

    [Fact]
    public async Task GetForm_UnknownId_ReturnsNull() => Assert.Null(await _service.GetFormAsync(Ids.NewId()));

    [Fact]
    public async Task Save_Update_ChangesFieldsRenewsVersionAndTouchesUpdatedAt()
    {
        var form = await CreateAsync(SampleCampaigns.Api());
        var firstVersion = form.Version;
        _time.Advance(TimeSpan.FromMinutes(5));
        form.Description = "New description";
        form.Channels.Add(new ChannelForm { Channel = Channel.WebPush, MessageVariationId = Ids.NewId() });

        var result = await _service.SaveAsync(form);

        Assert.Equal(WriteOutcome.Done, result.Outcome);
        Assert.NotEqual(firstVersion, result.Version);
        var row = await _database.LoadAsync(form.CampaignId!);
        Assert.Equal("New description", row.Description);
        Assert.Equal(Start, row.CreatedAt);
        Assert.Equal(Start.AddMinutes(5), row.UpdatedAt);
        var loaded = await _service.GetFormAsync(form.CampaignId!);
        Assert.Equal([Channel.Email, Channel.Sms, Channel.WebPush], loaded!.Channels.Select(c => c.Channel));
    }

    [Fact]
    public async Task Save_UnknownCampaignId_IsNotFound()
    {
        var form = SampleCampaigns.Api();
        form.CampaignId = Ids.NewId();
        form.Version = Guid.NewGuid();

        var result = await _service.SaveAsync(form);

        Assert.Equal(WriteOutcome.NotFound, result.Outcome);
        Assert.Equal(0, await _database.CountAsync());
    }

    [Fact]
    public async Task Save_ChangingType_IsNotAllowed()
    {
        var form = await CreateAsync(SampleCampaigns.Api());
        var triggered = SampleCampaigns.Triggered(form.Name);
        triggered.CampaignId = form.CampaignId;
        triggered.Version = form.Version;

        var result = await _service.SaveAsync(triggered);

        Assert.Equal(WriteOutcome.NotAllowed, result.Outcome);
        Assert.Equal(CampaignType.Api, (await _database.LoadAsync(form.CampaignId!)).Type);
    }

    [Fact]
    public async Task Save_ActiveCampaignWithNewSplit_IsAllowedAndStaysActive()
    {
        var form = await CreateAsync(SampleCampaigns.Triggered());
        var launched = await _service.ChangeStatusAsync(form.CampaignId!, CampaignAction.Launch, form.Version!.Value);
        form = (await _service.GetFormAsync(form.CampaignId!))!;
        form.Variants[0].Percentage = 60;
        form.Variants[1].Percentage = 30;

        var result = await _service.SaveAsync(form);

        Assert.Equal(WriteOutcome.Done, launched.Outcome);
        Assert.Equal(WriteOutcome.Done, result.Outcome);
        var loaded = await _service.GetFormAsync(form.CampaignId!);
        Assert.Equal(CampaignStatus.Active, loaded!.Status);
        Assert.Equal([60, 30], loaded.Variants.Select(v => v.Percentage));
    }

    [Fact]
    public async Task Save_ArchivedCampaign_IsNotAllowed()
    {
        var form = await CreateAsync(SampleCampaigns.Api());
        var archived = await _service.ChangeStatusAsync(form.CampaignId!, CampaignAction.Archive, form.Version!.Value);
        form.Version = archived.Version;
        form.Description = "changed";

        var result = await _service.SaveAsync(form);

        Assert.Equal(WriteOutcome.NotAllowed, result.Outcome);
        Assert.Contains("unarchive", result.Message, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual("changed", (await _database.LoadAsync(form.CampaignId!)).Description);
    }

    // Names

    [Theory]
    [InlineData("Order shipped")]
    [InlineData("ORDER SHIPPED")]
    [InlineData("  order Shipped ")]
    public async Task Save_DuplicateName_IsRefusedNextToName(string name)
    {
        await CreateAsync(SampleCampaigns.Api("Order shipped"));

        var result = await _service.SaveAsync(SampleCampaigns.Triggered(name));

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Equal($"Another campaign is already called “{name.Trim()}”.", result.Errors!.For(CampaignFields.Name));
        Assert.Equal(1, await _database.CountAsync());
    }

    [Fact]
    public async Task Save_RenameOntoAnotherCampaignsName_IsRefused()
    {
        await CreateAsync(SampleCampaigns.Api("First"));
        var second = await CreateAsync(SampleCampaigns.Api("Second"));
        second.Name = "first";

        var result = await _service.SaveAsync(second);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Equal("Second", (await _database.LoadAsync(second.CampaignId!)).Name);
    }

    [Fact]
    public async Task Save_KeepingOwnNameInOtherCase_IsAllowed()
    {
        var form = await CreateAsync(SampleCampaigns.Api("Order shipped"));
        form.Name = "ORDER SHIPPED";

        var result = await _service.SaveAsync(form);

        Assert.Equal(WriteOutcome.Done, result.Outcome);
        Assert.Equal("ORDER SHIPPED", (await _database.LoadAsync(form.CampaignId!)).Name);
    }

    [Fact]
    public async Task IsNameTaken_IgnoresCaseSpacesAndTheCampaignItself()
    {
        var form = await CreateAsync(SampleCampaigns.Api("Order shipped"));

        Assert.True(await _service.IsNameTakenAsync(" order SHIPPED ", null));
        Assert.True(await _service.IsNameTakenAsync("order shipped", Ids.NewId()));
        Assert.False(await _service.IsNameTakenAsync("Order shipped", form.CampaignId));
        Assert.False(await _service.IsNameTakenAsync("Order delivered", null));
        Assert.False(await _service.IsNameTakenAsync("   ", null));
    }

    [Fact]
    public async Task Database_DuplicateNormalisedName_IsRefusedByUniqueIndex()
    {
        await CreateAsync(SampleCampaigns.Api("Order shipped"));
        await using var db = _database.CreateDbContext();
        db.Campaigns.Add(new CampaignEntity
        {
            CampaignId = Ids.NewId(),
            Name = "ORDER SHIPPED",
            NormalizedName = "order shipped",
            Version = Guid.NewGuid(),
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    // Every validation rule, enforced by the service with nothing written

    public static TheoryData<string, string> InvalidCampaigns => new()
    {
        { "empty name", CampaignFields.Name },
        { "nine variants", CampaignFields.Variants },
        { "percentages not 100", CampaignFields.Percentages },
        { "fifth conversion event", CampaignFields.ConversionEvents },
        { "custom event without name", CampaignFields.ConversionEvent(0, "EventName") },
        { "webhook url not http", CampaignFields.Message(0, Channel.Webhook, WebhookFields.Url) },
        { "deadline too long", CampaignFields.ConversionEvent(0, "Deadline") },
        { "deadline zero", CampaignFields.ConversionEvent(0, "Deadline") },
        { "reeligibility over 720 days", CampaignFields.Reeligibility },
        { "control without id", CampaignFields.ControlPercentage },
    };

    [Theory]
    [MemberData(nameof(InvalidCampaigns))]
    public async Task Save_InvalidNewCampaign_IsRefusedAndNothingWritten(string problem, string field)
    {
        var form = SampleCampaigns.Triggered();
        Break(form, problem);

        var result = await _service.SaveAsync(form);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.NotNull(result.Errors!.For(field));
        Assert.Equal(0, await _database.CountAsync());
    }

    [Theory]
    [MemberData(nameof(InvalidCampaigns))]
    public async Task Save_InvalidUpdate_IsRefusedAndStoredCampaignUnchanged(string problem, string field)
    {
        var form = await CreateAsync(SampleCampaigns.Triggered());
        var before = await _database.LoadAsync(form.CampaignId!);
        Break(form, problem);

        var result = await _service.SaveAsync(form);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.NotNull(result.Errors!.For(field));
        var after = await _database.LoadAsync(form.CampaignId!);
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(after));
    }

    [Theory]
    [InlineData("no channels", CampaignFields.Channels)]
    [InlineData("missing email subject", "Variants[1].Email.subject")]
    public async Task Save_IncompleteDraft_IsSavedButCannotLaunch(string problem, string field)
    {
        var form = SampleCampaigns.Triggered();
        Break(form, problem);
        // Email conversion events need an email channel even in a draft.
        form.ConversionEvents.RemoveAll(e => e.Type is ConversionEventType.OpensEmail or ConversionEventType.ClicksEmail);

        var saved = await _service.SaveAsync(form);

        Assert.Equal(WriteOutcome.Done, saved.Outcome);
        var launch = await _service.ChangeStatusAsync(saved.CampaignId!, CampaignAction.Launch, saved.Version!.Value);
        Assert.Equal(WriteOutcome.Invalid, launch.Outcome);
        Assert.NotNull(launch.Errors!.For(field));
        Assert.Equal(CampaignStatus.Draft, (await _database.LoadAsync(saved.CampaignId!)).Status);
    }

    [Fact]
    public async Task Save_ActiveCampaignMadeIncomplete_IsRefusedAndStoredCampaignUnchanged()
    {
        var form = await CreateAsync(SampleCampaigns.Triggered());
        var launched = await _service.ChangeStatusAsync(form.CampaignId!, CampaignAction.Launch, form.Version!.Value);
        Assert.Equal(WriteOutcome.Done, launched.Outcome);
        var active = (await _service.GetFormAsync(form.CampaignId!))!;
        var before = await _database.LoadAsync(form.CampaignId!);
        Break(active, "missing email subject");

        var result = await _service.SaveAsync(active);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.NotNull(result.Errors!.For(CampaignFields.Message(1, Channel.Email, EmailFields.Subject)));
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(await _database.LoadAsync(form.CampaignId!)));
    }

    [Fact]
    public async Task Save_ApiCampaignChannelWithoutVariationId_IsRefused()
    {
        var form = SampleCampaigns.Api();
        form.Channels[1].MessageVariationId = null;

        var result = await _service.SaveAsync(form);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.NotNull(result.Errors!.For(CampaignFields.Channels));
        Assert.Equal(0, await _database.CountAsync());
    }

    private static void Break(CampaignForm form, string problem)
    {
        switch (problem)
        {
            case "empty name":
                form.Name = "   ";
                break;
            case "nine variants":
                form.HasControlGroup = false;
                var channels = form.Channels.Select(c => c.Channel).ToList();
                form.Variants = Enumerable.Range(1, 9)
                    .Select(i => SampleCampaigns.Variant($"V{i}", i == 1 ? 20 : 10, channels, "Hi"))
                    .ToList();
                break;
            case "percentages not 100":
                form.Variants[0].Percentage = 50;
                break;
            case "fifth conversion event":
                form.ConversionEvents.AddRange(Enumerable.Range(0, 5 - form.ConversionEvents.Count)
                    .Select(_ => new ConversionEventForm { Type = ConversionEventType.UpgradesApp }));
                break;
            case "custom event without name":
                form.ConversionEvents[0] = new ConversionEventForm { Type = ConversionEventType.PerformsCustomEvent, EventName = " " };
                break;
            case "webhook url not http":
                form.Variants[0].Messages.Single(m => m.Channel == Channel.Webhook)[WebhookFields.Url] = "ftp://hooks.shop.example/x";
                break;
            case "deadline too long":
                form.ConversionEvents[0].DeadlineAmount = 31;
                form.ConversionEvents[0].DeadlineUnit = DeadlineUnit.Days;
                break;
            case "deadline zero":
                form.ConversionEvents[0].DeadlineAmount = 0;
                form.ConversionEvents[0].DeadlineUnit = DeadlineUnit.Hours;
                break;
            case "no channels":
                form.Channels.Clear();
                break;
            case "reeligibility over 720 days":
                form.ReeligibilityAmount = 25;
                form.ReeligibilityUnit = ReeligibilityUnit.Months;
                break;
            case "missing email subject":
                form.Variants[1].Messages.Single(m => m.Channel == Channel.Email)[EmailFields.Subject] = "";
                break;
            case "control without id":
                form.ControlVariationId = null;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(problem), problem, null);
        }
    }

    // Concurrency

    [Fact]
    public async Task Save_TwoEditorsOfSameVersion_SecondGetsConflictAndFirstSaveStays()
    {
        var created = await CreateAsync(SampleCampaigns.Api());
        var tab1 = await _service.GetFormAsync(created.CampaignId!);
        var tab2 = await _service.GetFormAsync(created.CampaignId!);
        tab1!.Description = "Written in the first tab";
        tab2!.Description = "Written in the second tab";
        tab2.Name = "Renamed in the second tab";

        var first = await _service.SaveAsync(tab1);
        var second = await _service.SaveAsync(tab2);

        Assert.Equal(WriteOutcome.Done, first.Outcome);
        Assert.Equal(WriteOutcome.Conflict, second.Outcome);
        Assert.Contains("changed", second.Message);
        var stored = await _service.GetFormAsync(created.CampaignId!);
        Assert.Equal("Written in the first tab", stored!.Description);
        Assert.Equal(created.Name, stored.Name);
        Assert.Equal(first.Version, stored.Version);
    }

    [Fact]
    public async Task Save_RowChangedBetweenCheckAndWrite_IsConflictAndOtherWriteStays()
    {
        var form = await CreateAsync(SampleCampaigns.Api());
        form.Description = "mine";
        _database.BeforeNextSave = _ => _database.InsertAsync([new CampaignEntity
        {
            CampaignId = Ids.NewId(), Name = "Order Shipped", NormalizedName = "order shipped", Version = Guid.NewGuid(),
        }]);

        var result = await _service.SaveAsync(SampleCampaigns.Api("Order shipped"));

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Equal("Another campaign is already called “Order shipped”.", result.Errors!.For(CampaignFields.Name));
        Assert.Equal(1, await _database.CountAsync());
    }

    [Fact]
    public async Task Save_UpdateWithoutVersion_IsConflict()
    {
        var form = await CreateAsync(SampleCampaigns.Api());
        form.Version = null;

        Assert.Equal(WriteOutcome.Conflict, (await _service.SaveAsync(form)).Outcome);
    }

    [Fact]
    public async Task Save_AfterStatusChange_IsConflictUntilReloaded()
    {
        var form = await CreateAsync(SampleCampaigns.Api());
        await _service.ChangeStatusAsync(form.CampaignId!, CampaignAction.Launch, form.Version!.Value);
        form.Description = "stale";

        var stale = await _service.SaveAsync(form);
        var reloaded = (await _service.GetFormAsync(form.CampaignId!))!;
        reloaded.Description = "fresh";
        var fresh = await _service.SaveAsync(reloaded);

        Assert.Equal(WriteOutcome.Conflict, stale.Outcome);
        Assert.Equal(WriteOutcome.Done, fresh.Outcome);
        Assert.Equal("fresh", (await _database.LoadAsync(form.CampaignId!)).Description);
    }

    // Lifecycle

    [Fact]
    public async Task ChangeStatus_FullLifecycle_FollowsTheActionsAndMarksLaunch()
    {
        var form = await CreateAsync(SampleCampaigns.Triggered());
        var id = form.CampaignId!;
        var version = form.Version!.Value;

        async Task<CampaignStatus> Do(CampaignAction action)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            var result = await _service.ChangeStatusAsync(id, action, version);
            Assert.Equal(WriteOutcome.Done, result.Outcome);
            Assert.NotEqual(version, result.Version!.Value);
            version = result.Version!.Value;
            return (await _database.LoadAsync(id)).Status;
        }

        Assert.Equal(CampaignStatus.Active, await Do(CampaignAction.Launch));
        Assert.True((await _database.LoadAsync(id)).EverLaunched);
        Assert.Equal(CampaignStatus.Stopped, await Do(CampaignAction.Stop));
        Assert.Equal(CampaignStatus.Active, await Do(CampaignAction.Resume));
        Assert.Equal(CampaignStatus.Archived, await Do(CampaignAction.Archive));
        Assert.Equal(CampaignStatus.Stopped, await Do(CampaignAction.Unarchive));
        Assert.Equal(Start.AddMinutes(5), (await _database.LoadAsync(id)).UpdatedAt);
    }

    [Fact]
    public async Task ChangeStatus_UnarchiveNeverLaunched_ReturnsToDraft()
    {
        var form = await CreateAsync(SampleCampaigns.Api());
        var archived = await _service.ChangeStatusAsync(form.CampaignId!, CampaignAction.Archive, form.Version!.Value);

        var result = await _service.ChangeStatusAsync(form.CampaignId!, CampaignAction.Unarchive, archived.Version!.Value);

        Assert.Equal(WriteOutcome.Done, result.Outcome);
        Assert.Equal(CampaignStatus.Draft, (await _database.LoadAsync(form.CampaignId!)).Status);
    }

    [Theory]
    [InlineData(CampaignAction.Stop)]
    [InlineData(CampaignAction.Resume)]
    [InlineData(CampaignAction.Unarchive)]
    public async Task ChangeStatus_ActionNotOfferedForDraft_IsNotAllowedWithReason(CampaignAction action)
    {
        var form = await CreateAsync(SampleCampaigns.Api());

        var result = await _service.ChangeStatusAsync(form.CampaignId!, action, form.Version!.Value);

        Assert.Equal(WriteOutcome.NotAllowed, result.Outcome);
        Assert.Contains("draft", result.Message);
        Assert.Contains("Launch, Archive", result.Message);
        var row = await _database.LoadAsync(form.CampaignId!);
        Assert.Equal(CampaignStatus.Draft, row.Status);
        Assert.Equal(form.Version, row.Version);
    }

    [Fact]
    public async Task ChangeStatus_LaunchActiveCampaign_IsNotAllowed()
    {
        var form = await CreateAsync(SampleCampaigns.Api());
        var launched = await _service.ChangeStatusAsync(form.CampaignId!, CampaignAction.Launch, form.Version!.Value);

        var again = await _service.ChangeStatusAsync(form.CampaignId!, CampaignAction.Launch, launched.Version!.Value);

        Assert.Equal(WriteOutcome.NotAllowed, again.Outcome);
        Assert.Equal("A campaign that is active cannot be launched. Available actions: Stop, Archive.", again.Message);
    }

    [Fact]
    public async Task ChangeStatus_StaleVersion_IsConflict()
    {
        var form = await CreateAsync(SampleCampaigns.Api());
        form.Description = "edited elsewhere";
        await _service.SaveAsync(form);

        var result = await _service.ChangeStatusAsync(form.CampaignId!, CampaignAction.Launch, form.Version!.Value);

        Assert.Equal(WriteOutcome.Conflict, result.Outcome);
        Assert.Equal(CampaignStatus.Draft, (await _database.LoadAsync(form.CampaignId!)).Status);
    }

    [Fact]
    public async Task ChangeStatus_UnknownCampaign_IsNotFound() =>
        Assert.Equal(WriteOutcome.NotFound, (await _service.ChangeStatusAsync(Ids.NewId(), CampaignAction.Launch, Guid.NewGuid())).Outcome);

    [Fact]
    public async Task ChangeStatus_LaunchOfStoredInvalidCampaign_IsInvalidWithErrors()
    {
        // A row written before a rule existed (or by hand) must still not go live.
        var version = Guid.NewGuid();
        var id = Ids.NewId();
        await using (var db = _database.CreateDbContext())
        {
            db.Campaigns.Add(new CampaignEntity
            {
                CampaignId = id,
                Name = "Half done",
                NormalizedName = "half done",
                Type = CampaignType.ApiTriggered,
                Channels = """["Email"]""",
                Version = version,
            });
            await db.SaveChangesAsync();
        }

        var result = await _service.ChangeStatusAsync(id, CampaignAction.Launch, version);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.NotNull(result.Errors!.For(CampaignFields.Variants));
        var row = await _database.LoadAsync(id);
        Assert.Equal(CampaignStatus.Draft, row.Status);
        Assert.False(row.EverLaunched);
    }

    // Duplicate

    [Fact]
    public async Task Duplicate_TriggeredCampaign_CopiesContentWithNewIdsAsDraft()
    {
        var source = await CreateAsync(SampleCampaigns.Triggered());
        await _service.ChangeStatusAsync(source.CampaignId!, CampaignAction.Launch, source.Version!.Value);

        var result = await _service.DuplicateAsync(source.CampaignId!);

        Assert.Equal(WriteOutcome.Done, result.Outcome);
        var copy = (await _service.GetFormAsync(result.CampaignId!))!;
        Assert.Equal("Basket reminder (copy)", copy.Name);
        Assert.Equal(CampaignStatus.Draft, copy.Status);
        Assert.False((await _database.LoadAsync(copy.CampaignId!)).EverLaunched);
        Assert.NotEqual(source.CampaignId, copy.CampaignId);
        Assert.True(Ids.IsVariationId(copy.CampaignId));
        var sourceIds = source.Variants.SelectMany(v => v.Messages).Select(m => m.MessageVariationId!).Append(source.ControlVariationId!).ToHashSet();
        var copyIds = copy.Variants.SelectMany(v => v.Messages).Select(m => m.MessageVariationId!).Append(copy.ControlVariationId!).ToList();
        Assert.All(copyIds, id => Assert.True(Ids.IsVariationId(id)));
        Assert.Empty(sourceIds.Intersect(copyIds));
        Assert.Equal(copyIds.Count, copyIds.Distinct().Count());
        Assert.Equal(source.Variants.Select(v => v.Messages.Count), copy.Variants.Select(v => v.Messages.Count));
        Assert.Equal(source.Variants[0].Messages[0][EmailFields.Subject], copy.Variants[0].Messages[0][EmailFields.Subject]);
        Assert.Equal(source.ConversionEvents.Count, copy.ConversionEvents.Count);
    }

    [Fact]
    public async Task Duplicate_WithSampleData_CopiesEveryPayloadUserAndResponseSet()
    {
        var source = await CreateAsync(SampleCampaigns.Triggered());
        var samples = CoreServices.Samples(_database, _time);
        Assert.True((await samples.SavePayloadAsync(source.CampaignId!, new SamplePayloadForm { Name = "Shoes", Json = "{\"product\":\"Shoes\"}" })).Succeeded);
        Assert.True((await samples.SaveUserAsync(source.CampaignId!, new SampleUserForm
        {
            Name = "Ana", Attributes = new() { ["first_name"] = "Ana" }, CustomAttributesJson = "{\"tier\":\"gold\"}",
        })).Succeeded);
        Assert.True((await samples.SaveConnectedContentAsync(source.CampaignId!,
            new SamplePayloadForm { Name = "Weather", Json = "{\"https://api.example.com/w\": \"{\\\"t\\\":20}\"}" })).Succeeded);

        var result = await _service.DuplicateAsync(source.CampaignId!);

        var original = await samples.ListAsync(source.CampaignId!);
        var copied = await samples.ListAsync(result.CampaignId!);
        Assert.Equal(original.Payloads.Select(p => (p.Name, p.Json)), copied.Payloads.Select(p => (p.Name, p.Json)));
        Assert.Equal(original.Users.Select(u => (u.Name, u.CustomAttributesJson)), copied.Users.Select(u => (u.Name, u.CustomAttributesJson)));
        Assert.Equal("Ana", copied.Users.Single().Attributes["first_name"]);
        Assert.Equal(original.ConnectedContent.Select(c => c.Json), copied.ConnectedContent.Select(c => c.Json));
        Assert.Empty(copied.Payloads.Select(p => p.Id).Intersect(original.Payloads.Select(p => p.Id)));
    }

    [Fact]
    public async Task Duplicate_ApiCampaign_MintsNewChannelVariationIds()
    {
        var source = await CreateAsync(SampleCampaigns.Api());

        var result = await _service.DuplicateAsync(source.CampaignId!);

        var copy = (await _service.GetFormAsync(result.CampaignId!))!;
        Assert.Equal(source.Channels.Select(c => c.Channel), copy.Channels.Select(c => c.Channel));
        Assert.All(copy.Channels, c => Assert.True(Ids.IsVariationId(c.MessageVariationId)));
        Assert.Empty(source.Channels.Select(c => c.MessageVariationId).Intersect(copy.Channels.Select(c => c.MessageVariationId)));
    }

    [Fact]
    public async Task Duplicate_Twice_NumbersTheSecondCopy()
    {
        var source = await CreateAsync(SampleCampaigns.Api("Welcome"));

        var first = await _service.DuplicateAsync(source.CampaignId!);
        var second = await _service.DuplicateAsync(source.CampaignId!);

        Assert.Equal("Welcome (copy)", (await _database.LoadAsync(first.CampaignId!)).Name);
        Assert.Equal("Welcome (copy 2)", (await _database.LoadAsync(second.CampaignId!)).Name);
        Assert.Equal(3, await _database.CountAsync());
    }

    [Fact]
    public async Task Duplicate_LongName_StaysWithinTheLimit()
    {
        var source = await CreateAsync(SampleCampaigns.Api(new string('x', Campaign.MaxNameLength)));

        var result = await _service.DuplicateAsync(source.CampaignId!);

        var name = (await _database.LoadAsync(result.CampaignId!)).Name;
        Assert.Equal(Campaign.MaxNameLength, name.Length);
        Assert.EndsWith(" (copy)", name);
    }

    [Fact]
    public async Task Duplicate_UnknownCampaign_IsNotFound() =>
        Assert.Equal(WriteOutcome.NotFound, (await _service.DuplicateAsync(Ids.NewId())).Outcome);

    // Delete

    [Fact]
    public async Task Delete_Draft_RemovesIt()
    {
        var form = await CreateAsync(SampleCampaigns.Api());

        var result = await _service.DeleteAsync(form.CampaignId!, form.Version!.Value);

        Assert.Equal(WriteOutcome.Done, result.Outcome);
        Assert.Null(await _service.GetFormAsync(form.CampaignId!));
    }

    [Theory]
    [InlineData(CampaignAction.Launch)]
    [InlineData(CampaignAction.Archive)]
    public async Task Delete_NonDraft_IsNotAllowedAndKept(CampaignAction action)
    {
        var form = await CreateAsync(SampleCampaigns.Api());
        var changed = await _service.ChangeStatusAsync(form.CampaignId!, action, form.Version!.Value);

        var result = await _service.DeleteAsync(form.CampaignId!, changed.Version!.Value);

        Assert.Equal(WriteOutcome.NotAllowed, result.Outcome);
        Assert.Contains("Only drafts can be deleted", result.Message);
        Assert.Equal(1, await _database.CountAsync());
    }

    [Fact]
    public async Task Delete_StaleVersion_IsConflictAndKept()
    {
        var form = await CreateAsync(SampleCampaigns.Api());

        var result = await _service.DeleteAsync(form.CampaignId!, Guid.NewGuid());

        Assert.Equal(WriteOutcome.Conflict, result.Outcome);
        Assert.Equal(1, await _database.CountAsync());
    }

    [Fact]
    public async Task Delete_UnknownCampaign_IsNotFound() =>
        Assert.Equal(WriteOutcome.NotFound, (await _service.DeleteAsync(Ids.NewId(), Guid.NewGuid())).Outcome);

    // List

    [Fact]
    public async Task List_SearchAndTagFilter_MatchTagsCaseInsensitively()
    {
        await CreateAsync(Tagged(SampleCampaigns.Api("Spring promo"), "Spring_2027", "Promo"));
        await CreateAsync(Tagged(SampleCampaigns.Api("Receipts"), "orders"));
        await CreateAsync(Tagged(SampleCampaigns.Triggered("Welcome"), "onboarding", "Café"));

        var searched = await _service.ListAsync(new CampaignQuery(Search: "promo", Sort: CampaignSort.NameAsc));
        var byTag = await _service.ListAsync(new CampaignQuery(Tag: "ORDERS"));
        var partialTag = await _service.ListAsync(new CampaignQuery(Tag: "order"));
        var wildcard = await _service.ListAsync(new CampaignQuery(Tag: "spring_2027"));
        var accented = await _service.ListAsync(new CampaignQuery(Search: "Café"));

        Assert.Equal(["Spring promo"], searched.Items.Select(i => i.Name));
        Assert.Equal(["Receipts"], byTag.Items.Select(i => i.Name));
        Assert.Equal(["orders"], byTag.Items.Single().Tags);
        Assert.Empty(partialTag.Items);
        Assert.Equal(["Spring promo"], wildcard.Items.Select(i => i.Name));
        Assert.Equal(["Welcome"], accented.Items.Select(i => i.Name));
        Assert.Equal(["Café", "onboarding", "orders", "Promo", "Spring_2027"], await _service.TagsAsync());

        static CampaignForm Tagged(CampaignForm form, params string[] tags)
        {
            form.Tags = [.. tags];
            return form;
        }
    }

    [Fact]
    public async Task List_SearchByName_IsCaseInsensitiveSubstring()
    {
        await CreateAsync(SampleCampaigns.Api("Spring Sale"));
        await CreateAsync(SampleCampaigns.Api("Autumn sale"));
        await CreateAsync(SampleCampaigns.Triggered("Password reset"));

        var page = await _service.ListAsync(new CampaignQuery(Search: "  SALE ", Sort: CampaignSort.NameAsc));

        Assert.Equal(2, page.TotalCount);
        Assert.Equal(["Autumn sale", "Spring Sale"], page.Items.Select(i => i.Name));
    }

    [Fact]
    public async Task List_SearchByCampaignIdPrefix_FindsThatCampaign()
    {
        var target = await CreateAsync(SampleCampaigns.Api("Spring Sale"));
        await CreateAsync(SampleCampaigns.Api("Autumn sale"));

        var page = await _service.ListAsync(new CampaignQuery(Search: target.CampaignId![..13].ToUpperInvariant()));
        var full = await _service.ListAsync(new CampaignQuery(Search: target.CampaignId));

        Assert.Equal(target.CampaignId, Assert.Single(page.Items).CampaignId);
        Assert.Equal(target.CampaignId, Assert.Single(full.Items).CampaignId);
    }

    [Fact]
    public async Task List_Item_CarriesChannelsStatusTypeAndLastEdit()
    {
        var form = await CreateAsync(SampleCampaigns.Api("Spring Sale"));
        _time.Advance(TimeSpan.FromHours(1));
        var launched = await _service.ChangeStatusAsync(form.CampaignId!, CampaignAction.Launch, form.Version!.Value);

        var item = Assert.Single((await _service.ListAsync(new CampaignQuery())).Items);

        Assert.Equal(new CampaignListItem(form.CampaignId!, "Spring Sale", CampaignType.Api, CampaignStatus.Active, item.Channels,
            Start.AddHours(1), launched.Version!.Value) { Tags = item.Tags }, item);
        Assert.Equal(form.Tags, item.Tags);
        Assert.Equal([Channel.Email, Channel.Sms], item.Channels);
    }

    [Fact]
    public async Task List_FiltersByTypeAndStatus()
    {
        var api = await CreateAsync(SampleCampaigns.Api("A"));
        await CreateAsync(SampleCampaigns.Api("B"));
        var triggered = await CreateAsync(SampleCampaigns.Triggered("C"));
        await _service.ChangeStatusAsync(api.CampaignId!, CampaignAction.Launch, api.Version!.Value);
        await _service.ChangeStatusAsync(triggered.CampaignId!, CampaignAction.Launch, triggered.Version!.Value);

        var activeApi = await _service.ListAsync(new CampaignQuery(Type: CampaignType.Api, Status: CampaignStatus.Active));
        var triggeredOnly = await _service.ListAsync(new CampaignQuery(Type: CampaignType.ApiTriggered));
        var drafts = await _service.ListAsync(new CampaignQuery(Status: CampaignStatus.Draft));

        Assert.Equal(["A"], activeApi.Items.Select(i => i.Name));
        Assert.Equal(["C"], triggeredOnly.Items.Select(i => i.Name));
        Assert.Equal(["B"], drafts.Items.Select(i => i.Name));
    }

    [Fact]
    public async Task List_Sorts_ByLastEditNameStatusAndType()
    {
        await CreateAsync(SampleCampaigns.Triggered("banana"));
        _time.Advance(TimeSpan.FromMinutes(1));
        var cherry = await CreateAsync(SampleCampaigns.Api("Cherry"));
        _time.Advance(TimeSpan.FromMinutes(1));
        await CreateAsync(SampleCampaigns.Api("apple"));
        _time.Advance(TimeSpan.FromMinutes(1));
        await _service.ChangeStatusAsync(cherry.CampaignId!, CampaignAction.Launch, cherry.Version!.Value);

        async Task<string[]> Names(CampaignSort sort) =>
            (await _service.ListAsync(new CampaignQuery(Sort: sort))).Items.Select(i => i.Name).ToArray();

        Assert.Equal(["Cherry", "apple", "banana"], await Names(CampaignSort.LastEditedDesc));
        Assert.Equal(["banana", "apple", "Cherry"], await Names(CampaignSort.LastEditedAsc));
        Assert.Equal(["apple", "banana", "Cherry"], await Names(CampaignSort.NameAsc));
        Assert.Equal(["Cherry", "banana", "apple"], await Names(CampaignSort.NameDesc));
        Assert.Equal(["apple", "banana", "Cherry"], await Names(CampaignSort.StatusAsc));
        Assert.Equal(["Cherry", "apple", "banana"], await Names(CampaignSort.TypeAsc));
    }

    [Fact]
    public async Task List_SearchWithLikeWildcards_MatchesThemLiterally()
    {
        await CreateAsync(SampleCampaigns.Api("50% off"));
        await CreateAsync(SampleCampaigns.Api("500 off"));
        await CreateAsync(SampleCampaigns.Api("first_order"));
        await CreateAsync(SampleCampaigns.Api("firstXorder"));

        var percent = await _service.ListAsync(new CampaignQuery(Search: "50%"));
        var underscore = await _service.ListAsync(new CampaignQuery(Search: "t_o"));

        Assert.Equal(["50% off"], percent.Items.Select(i => i.Name));
        Assert.Equal(["first_order"], underscore.Items.Select(i => i.Name));
    }

    [Fact]
    public async Task Names_WithAccents_CompareWithoutCase()
    {
        await CreateAsync(SampleCampaigns.Api("Été promo"));

        var duplicate = await _service.SaveAsync(SampleCampaigns.Api("ÉTÉ PROMO"));
        var found = await _service.ListAsync(new CampaignQuery(Search: "ÉTÉ"));

        Assert.Equal(WriteOutcome.Invalid, duplicate.Outcome);
        Assert.Equal(["Été promo"], found.Items.Select(i => i.Name));
    }

    [Fact]
    public async Task CampaignId_PastedInUpperCase_StillFindsTheCampaign()
    {
        var form = await CreateAsync(SampleCampaigns.Api());
        var upper = form.CampaignId!.ToUpperInvariant();

        var loaded = await _service.GetFormAsync(" " + upper + " ");
        var loadedId = loaded!.CampaignId;
        loaded.CampaignId = upper;
        loaded.Description = "saved through the upper-case ID";
        var saved = await _service.SaveAsync(loaded);
        var launched = await _service.ChangeStatusAsync(upper, CampaignAction.Launch, saved.Version!.Value);

        Assert.Equal(form.CampaignId, loadedId);
        Assert.Equal(WriteOutcome.Done, saved.Outcome);
        Assert.Equal(form.CampaignId, saved.CampaignId);
        Assert.Equal(WriteOutcome.Done, launched.Outcome);
        Assert.Equal(1, await _database.CountAsync());
    }

    [Fact]
    public async Task List_NoCampaigns_IsEmptyWithZeroTotal()
    {
        var page = await _service.ListAsync(new CampaignQuery());

        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
    }

    private async Task<CampaignForm> CreateAsync(CampaignForm form)
    {
        var result = await _service.SaveAsync(form);
        Assert.True(result.Succeeded, $"{result.Outcome}: {result.Message} {Describe(result.Errors)}");
        return (await _service.GetFormAsync(result.CampaignId!))!;
    }

    private static string Describe(ValidationErrors? errors) =>
        errors is null ? "" : string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));

    /// <summary>The form's content without what the service assigns (ID, version, status).</summary>
    // Templates: "Active" means every template of every variant parses, whichever door the launch came through.

    private static CampaignForm SmsCampaign(string body)
    {
        var form = SampleCampaigns.Triggered("Broken " + Guid.NewGuid().ToString("N")[..8]);
        form.Variants[0].Messages.Single(m => m.Channel == Channel.Sms)[SmsFields.Body] = body;
        return form;
    }

    [Fact]
    public async Task ChangeStatus_LaunchWithUnknownFilter_IsInvalidAndStaysDraft()
    {
        var draft = await CreateAsync(SmsCampaign("Order {{ 'a' | upcas }}"));

        var result = await _service.ChangeStatusAsync(draft.CampaignId!, CampaignAction.Launch, draft.Version!.Value);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        var error = result.Errors!.For(CampaignFields.Message(0, Channel.Sms, SmsFields.Body));
        Assert.StartsWith("Body: unknown filter `upcas` at line 1, column ", error);
        Assert.Contains("did you mean `upcase`?", error);
        Assert.Equal(CampaignStatus.Draft, (await _database.LoadAsync(draft.CampaignId!)).Status);
    }

    [Fact]
    public async Task ChangeStatus_LaunchWithBrokenWebhookHeader_NamesTheHeaders()
    {
        var form = SampleCampaigns.Triggered();
        form.Variants[1].Messages.Single(m => m.Channel == Channel.Webhook).WebhookHeaders[0].Value = "{% if %}";
        var draft = await CreateAsync(form);

        var result = await _service.ChangeStatusAsync(draft.CampaignId!, CampaignAction.Launch, draft.Version!.Value);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.StartsWith("Header X-Shop: Liquid syntax error", result.Errors!.For(CampaignFields.Message(1, Channel.Webhook, WebhookFields.HeadersKey)));
    }

    [Fact]
    public async Task Save_DraftWithBrokenTemplate_IsKeptAsDraft()
    {
        var result = await _service.SaveAsync(SmsCampaign("{{ 'a' | upcas }}"));

        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public async Task Save_ActiveCampaignWithBrokenTemplate_IsRefusedAndTheLiveCopyStays()
    {
        var draft = await CreateAsync(SmsCampaign("Order shipped"));
        var launched = await _service.ChangeStatusAsync(draft.CampaignId!, CampaignAction.Launch, draft.Version!.Value);
        var form = (await _service.GetFormAsync(draft.CampaignId!))!;
        form.Variants[0].Messages.Single(m => m.Channel == Channel.Sms)[SmsFields.Body] = "{% for %}";

        var result = await _service.SaveAsync(form);

        Assert.True(launched.Succeeded, launched.Message);
        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.NotNull(result.Errors!.For(CampaignFields.Message(0, Channel.Sms, SmsFields.Body)));
        var live = (await _service.GetAsync(draft.CampaignId!))!;
        Assert.Equal("Order shipped", Assert.IsType<SmsMessage>(live.Variants[0].MessageFor(Channel.Sms)).Body);
    }

    // Variations are rows: their IDs are unique across every campaign.

    [Fact]
    public async Task Save_MessageVariationIdOfAnotherCampaign_IsRefusedAndNothingWritten()
    {
        var first = await CreateAsync(SampleCampaigns.Api("First"));
        var second = SampleCampaigns.Api("Second");
        second.Channels[0].MessageVariationId = first.Channels[0].MessageVariationId;

        var result = await _service.SaveAsync(second);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Equal("A message variation ID here is already used by another campaign; every campaign needs its own.", result.Errors!.For(CampaignFields.Channels));
        Assert.Equal(1, await _database.CountAsync());
    }

    [Fact]
    public async Task Save_Again_KeepsEachVariationsRow()
    {
        var saved = await CreateAsync(SampleCampaigns.Triggered());
        Dictionary<string, int> RowIds()
        {
            using var db = _database.CreateDbContext();
            return db.CampaignVariations.Where(v => v.VariationId != null).ToDictionary(v => v.VariationId!, v => v.Id);
        }
        var before = RowIds();
        saved.Variants[0].Messages[0][EmailFields.Subject] = "Changed";
        saved.Variants.RemoveAt(1);
        saved.Variants[0].Percentage = 90;

        var result = await _service.SaveAsync(saved);

        Assert.True(result.Succeeded, result.Message);
        var after = RowIds();
        Assert.All(after, row => Assert.Equal(before[row.Key], row.Value));
        Assert.Equal(6 + 1, after.Count);
    }

    [Fact]
    public async Task Get_TriggeredCampaign_ListsEveryVariationWithItsKindChannelAndShare()
    {
        var saved = await CreateAsync(SampleCampaigns.Triggered());

        var campaign = (await _service.GetAsync(saved.CampaignId!))!;

        Assert.Equal(2 * 6 + 1, campaign.Variations.Count);
        var email = campaign.FindVariation(saved.Variants[1].Messages[0].MessageVariationId!.ToUpperInvariant())!;
        Assert.Equal((VariationKind.Variant, Channel.Email, "Variant B", 45, 1), (email.Kind, email.Channel, email.Name, email.Percentage, email.Order));
        var control = campaign.FindVariation(saved.ControlVariationId!)!;
        Assert.Equal((VariationKind.Control, (Channel?)null, 10), (control.Kind, control.Channel, control.Percentage));
    }

    private static string Content(CampaignForm form)
    {
        // Compare message fields whatever order they were typed in.
        var node = JsonSerializer.SerializeToNode(form, new JsonSerializerOptions { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() })!.AsObject();
        foreach (var message in node["Variants"]!.AsArray().SelectMany(v => v!["Messages"]!.AsArray()))
        {
            var values = message!["Values"]!.AsObject();
            var sorted = values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, Value: p.Value?.DeepClone())).ToList();
            values.Clear();
            foreach (var (key, value) in sorted)
            {
                values[key] = value;
            }
        }
        node.Remove(nameof(CampaignForm.CampaignId));
        node.Remove(nameof(CampaignForm.Version));
        node.Remove(nameof(CampaignForm.Status));
        return node.ToJsonString();
    }
}
