using Microsoft.Extensions.Time.Testing;
using System.Text.Json;
using BrazeLite.Core.Samples.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Core.Samples;

public sealed class SampleDataServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private SqliteTestDatabase _database = null!;
    private SampleDataService _service = null!;
    private CampaignService _campaigns = null!;
    private string _campaignId = "";

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _service = CoreServices.Samples(_database, _time);
        _campaigns = CoreServices.Campaigns(_database, _time);
        var saved = await _campaigns.SaveAsync(SampleCampaigns.Triggered());
        _campaignId = saved.CampaignId!;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<SampleWriteResult> SavePayload(string name, string json = "{\"product\": \"Mug\"}") =>
        _service.SavePayloadAsync(_campaignId, new SamplePayloadForm { Name = name, Json = json });

    [Fact]
    public async Task SavePayload_New_IsListedWithItsTextAsTyped()
    {
        const string json = "{\n  \"product\": \"Mug\",\n  \"order\": { \"total\": 12.5 }\n}";

        var result = await SavePayload("Mug order", json);

        Assert.True(result.Succeeded, result.Message);
        var samples = await _service.ListAsync(_campaignId);
        var payload = Assert.Single(samples.Payloads);
        Assert.Equal("Mug order", payload.Name);
        Assert.Equal(json, payload.Json);
        Assert.Equal(result.Version, payload.Version);
        Assert.Equal("Mug", payload.Parse().Hash["product"]);
    }

    [Fact]
    public async Task SaveConnectedContent_New_IsListedApartFromPayloadsAndReadsAsResponses()
    {
        const string json = "{\"https://api.example.com/x\": {\"name\": \"Ana\"}, \"https://api.example.com/t\": \"plain\"}";
        await SavePayload("Mug order");

        var result = await _service.SaveConnectedContentAsync(_campaignId, new SamplePayloadForm { Name = "Stock API", Json = json });

        Assert.True(result.Succeeded, result.Message);
        var samples = await _service.ListAsync(_campaignId);
        Assert.Equal(["Mug order"], samples.Payloads.Select(p => p.Name));
        var saved = Assert.Single(samples.ConnectedContent);
        Assert.Equal("Stock API", saved.Name);
        Assert.Equal(json, saved.Json);
        var responses = ConnectedContentResponses.Read(saved.Json, out _)!;
        Assert.Equal("{\"name\":\"Ana\"}", responses["https://api.example.com/x"]);
        Assert.Equal("plain", responses["https://api.example.com/t"]);
    }

    [Fact]
    public async Task SaveConnectedContent_ResponseNotTextNorJson_IsInvalidNamingTheUrl()
    {
        var result = await _service.SaveConnectedContentAsync(_campaignId,
            new SamplePayloadForm { Name = "Stock API", Json = "{\"https://api.example.com/x\": 5}" });

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Equal("The response for \"https://api.example.com/x\" must be a string, or a JSON object or array, not a number.",
            result.ErrorFor(SampleFields.Json));
        Assert.Empty((await _service.ListAsync(_campaignId)).ConnectedContent);
    }

    [Fact]
    public async Task SaveConnectedContent_MalformedJson_IsInvalidWithLineAndColumn()
    {
        var result = await _service.SaveConnectedContentAsync(_campaignId,
            new SamplePayloadForm { Name = "Stock API", Json = "{\n  \"https://api.example.com/x\": nope\n}" });

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.StartsWith("Line 2, column", result.ErrorFor(SampleFields.Json));
    }

    [Fact]
    public async Task List_SharedByEveryoneOpeningTheCampaign_SeesSavedSamples()
    {
        await SavePayload("Mug order");
        var otherReader = CoreServices.Samples(_database, _time);

        var samples = await otherReader.ListAsync(_campaignId.ToUpperInvariant());

        Assert.Equal(["Mug order"], samples.Payloads.Select(p => p.Name));
    }

    [Fact]
    public async Task List_OtherCampaign_DoesNotSeeThisCampaignsSamples()
    {
        await SavePayload("Mug order");
        var other = await _campaigns.SaveAsync(SampleCampaigns.Triggered("Other campaign"));

        var samples = await _service.ListAsync(other.CampaignId!);

        Assert.Empty(samples.Payloads);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task SavePayload_BlankName_IsRefusedNextToName(string name)
    {
        var result = await SavePayload(name);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Equal("Give the sample a name.", result.ErrorFor(SampleFields.Name));
        Assert.Empty((await _service.ListAsync(_campaignId)).Payloads);
    }

    [Fact]
    public async Task SavePayload_NameTakenInOtherCase_IsRefused()
    {
        await SavePayload("Mug order");

        var result = await SavePayload("  MUG ORDER ");

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Equal("This campaign already has a sample payload called \"MUG ORDER\"; choose another name.", result.ErrorFor(SampleFields.Name));
    }

    [Fact]
    public async Task SaveUser_NameOfAPayload_IsAllowed()
    {
        await SavePayload("Ana");

        var result = await _service.SaveUserAsync(_campaignId, new SampleUserForm { Name = "Ana" });

        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public async Task SavePayload_MalformedJson_NamesLineAndColumnAndStoresNothing()
    {
        var result = await SavePayload("Broken", "{\n  \"product\": \"Mug\",\n  \"price\": ,\n}");

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        var message = result.ErrorFor(SampleFields.Json);
        Assert.NotNull(message);
        Assert.StartsWith("Line 3, column 12:", message);
        Assert.Empty((await _service.ListAsync(_campaignId)).Payloads);
    }

    [Fact]
    public async Task SavePayload_ArrayInsteadOfObject_IsRefused()
    {
        var result = await SavePayload("List", "[1, 2]");

        Assert.Equal("Line 1, column 1: trigger_properties must be a JSON object ({ ... }), not an array.", result.ErrorFor(SampleFields.Json));
    }

    [Fact]
    public async Task SavePayload_Over50Kilobytes_IsRefusedWithTheSize()
    {
        var big = "{\"text\": \"" + new string('a', 60_000) + "\"}";

        var result = await SavePayload("Big", big);

        Assert.Contains("Braze accepts at most 51,200 (50 KB)", result.ErrorFor(SampleFields.Json));
    }

    [Fact]
    public async Task SavePayload_UnknownCampaign_IsNotFound()
    {
        var result = await _service.SavePayloadAsync(Ids.NewId(), new SamplePayloadForm { Name = "x", Json = "{}" });

        Assert.Equal(WriteOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task SavePayload_Update_ChangesTextAndRenewsVersion()
    {
        var created = await SavePayload("Mug order");
        var form = SamplePayloadForm.From((await _service.ListAsync(_campaignId)).Payloads[0]);
        form.Json = "{\"product\": \"Teapot\"}";

        var updated = await _service.SavePayloadAsync(_campaignId, form);

        Assert.True(updated.Succeeded, updated.Message);
        Assert.NotEqual(created.Version, updated.Version);
        Assert.Equal("{\"product\": \"Teapot\"}", (await _service.ListAsync(_campaignId)).Payloads[0].Json);
    }

    [Fact]
    public async Task SavePayload_StaleVersion_IsAConflict()
    {
        await SavePayload("Mug order");
        var mine = SamplePayloadForm.From((await _service.ListAsync(_campaignId)).Payloads[0]);
        var theirs = SamplePayloadForm.From((await _service.ListAsync(_campaignId)).Payloads[0]);
        theirs.Json = "{\"product\": \"Theirs\"}";
        Assert.True((await _service.SavePayloadAsync(_campaignId, theirs)).Succeeded);

        mine.Json = "{\"product\": \"Mine\"}";
        var result = await _service.SavePayloadAsync(_campaignId, mine);

        Assert.Equal(WriteOutcome.Conflict, result.Outcome);
        Assert.Equal("{\"product\": \"Theirs\"}", (await _service.ListAsync(_campaignId)).Payloads[0].Json);
    }

    [Fact]
    public async Task Rename_ToFreeName_KeepsTextAndRenames()
    {
        var created = await SavePayload("Mug order");

        var result = await _service.RenameAsync(_campaignId, SampleKind.Payload, created.Id!.Value, "Teapot order", created.Version!.Value);

        Assert.True(result.Succeeded, result.Message);
        var payload = Assert.Single((await _service.ListAsync(_campaignId)).Payloads);
        Assert.Equal("Teapot order", payload.Name);
        Assert.Equal("{\"product\": \"Mug\"}", payload.Json);
    }

    [Fact]
    public async Task Rename_ToAnotherSamplesName_IsRefused()
    {
        await SavePayload("Mug order");
        var second = await SavePayload("Teapot order");

        var result = await _service.RenameAsync(_campaignId, SampleKind.Payload, second.Id!.Value, "mug order", second.Version!.Value);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.NotNull(result.ErrorFor(SampleFields.Name));
    }

    [Fact]
    public async Task Duplicate_Twice_NumbersTheCopies()
    {
        var created = await SavePayload("Mug order");

        await _service.DuplicateAsync(_campaignId, SampleKind.Payload, created.Id!.Value);
        var second = await _service.DuplicateAsync(_campaignId, SampleKind.Payload, created.Id!.Value);

        Assert.True(second.Succeeded, second.Message);
        var payloads = (await _service.ListAsync(_campaignId)).Payloads;
        Assert.Equal(["Mug order", "Mug order (copy)", "Mug order (copy 2)"], payloads.Select(p => p.Name));
        Assert.All(payloads, p => Assert.Equal("{\"product\": \"Mug\"}", p.Json));
    }

    [Fact]
    public async Task Delete_Existing_RemovesOnlyThatSample()
    {
        var first = await SavePayload("Mug order");
        await SavePayload("Teapot order");

        var result = await _service.DeleteAsync(_campaignId, SampleKind.Payload, first.Id!.Value, first.Version!.Value);

        Assert.True(result.Succeeded);
        Assert.Equal(["Teapot order"], (await _service.ListAsync(_campaignId)).Payloads.Select(p => p.Name));
        Assert.Equal(WriteOutcome.NotFound, (await _service.DeleteAsync(_campaignId, SampleKind.Payload, first.Id!.Value, first.Version!.Value)).Outcome);
    }

    [Fact]
    public async Task Delete_ChangedSinceRead_IsAConflictAndDeletesNothing()
    {
        var read = await SavePayload("Mug order");
        var renamed = await _service.RenameAsync(_campaignId, SampleKind.Payload, read.Id!.Value, "Mug order, renamed", read.Version!.Value);

        var result = await _service.DeleteAsync(_campaignId, SampleKind.Payload, read.Id!.Value, read.Version!.Value);

        Assert.True(renamed.Succeeded);
        Assert.Equal(WriteOutcome.Conflict, result.Outcome);
        Assert.Equal(["Mug order, renamed"], (await _service.ListAsync(_campaignId)).Payloads.Select(p => p.Name));
    }

    [Fact]
    public async Task Update_WithoutTheVersionRead_IsAConflict()
    {
        var read = await SavePayload("Mug order");

        var result = await _service.SavePayloadAsync(_campaignId, new SamplePayloadForm { Id = read.Id, Name = "Mug order", Json = "{}", Version = null });

        Assert.Equal(WriteOutcome.Conflict, result.Outcome);
    }

    [Fact]
    public async Task DeleteCampaign_RemovesItsSamples()
    {
        await SavePayload("Mug order");
        await _service.SaveUserAsync(_campaignId, new SampleUserForm { Name = "Ana" });
        var form = await _campaigns.GetFormAsync(_campaignId);

        var deleted = await _campaigns.DeleteAsync(_campaignId, form!.Version!.Value);

        Assert.True(deleted.Succeeded, deleted.Message);
        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.CampaignSamples.CountAsync());
    }

    [Fact]
    public async Task SaveUser_StandardAndCustomAttributes_RoundTripAndFeedThePreview()
    {
        var form = new SampleUserForm
        {
            Name = "Ana in Lisbon",
            Attributes = new() { ["first_name"] = " Ana ", ["city"] = "Lisbon", ["time_zone"] = "Europe/Lisbon", ["last_name"] = "  " },
            CustomAttributesJson = "{\"loyalty tier\": \"gold\"}",
        };

        var result = await _service.SaveUserAsync(_campaignId, form);

        Assert.True(result.Succeeded, result.Message);
        var user = Assert.Single((await _service.ListAsync(_campaignId)).Users);
        Assert.Equal(new Dictionary<string, string> { ["first_name"] = "Ana", ["city"] = "Lisbon", ["time_zone"] = "Europe/Lisbon" }, user.Attributes);
        var variables = new RenderData(User: user.ToUserHash()).ToVariables();
        Assert.Equal("Ana", variables["first_name"]);
        var custom = Assert.IsAssignableFrom<IDictionary<string, object?>>(variables["custom_attribute"]);
        Assert.Equal("gold", custom["loyalty tier"]);
    }

    [Fact]
    public async Task SaveUser_UnknownTimeZoneAndBadCustomJson_AreRefusedPerField()
    {
        var form = new SampleUserForm
        {
            Name = "Ana",
            Attributes = new() { ["time_zone"] = "Mars/Olympus" },
            CustomAttributesJson = "{\"tier\": gold}",
        };

        var result = await _service.SaveUserAsync(_campaignId, form);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Equal("\"Mars/Olympus\" is not a known time zone; use an IANA name such as Europe/Paris.", result.ErrorFor(SampleFields.Attribute("time_zone")));
        Assert.StartsWith("Line 1, column 10:", result.ErrorFor(SampleFields.CustomAttributes));
    }

    [Fact]
    public async Task GeneratePayload_Campaign_HoldsEveryTriggerPropertyNestedAndIsSaved()
    {
        var campaign = await _campaigns.GetAsync(_campaignId);

        var first = await _service.GeneratePayloadAsync(campaign!);
        var second = await _service.GeneratePayloadAsync(campaign!);

        Assert.True(first.Succeeded, first.Message);
        Assert.True(second.Succeeded, second.Message);
        var payloads = (await _service.ListAsync(_campaignId)).Payloads;
        Assert.Equal(["From templates", "From templates 2"], payloads.Select(p => p.Name));
        using var json = JsonDocument.Parse(payloads[0].Json);
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.String, root.GetProperty("product_name").ValueKind);
        Assert.Equal(JsonValueKind.String, root.GetProperty("price").GetProperty("amount").ValueKind);
        Assert.Equal(JsonValueKind.String, root.GetProperty("shop").GetProperty("id").ValueKind);
        Assert.True(root.TryGetProperty("cart_url", out _));
    }

    [Fact]
    public async Task GeneratePayload_UnsavedCampaign_SaysToSaveFirst()
    {
        var result = await _service.GeneratePayloadAsync(CampaignForms.ToCampaign(SampleCampaigns.Triggered("Unsaved")));

        Assert.Equal(WriteOutcome.NotFound, result.Outcome);
        Assert.Contains("Save the campaign first", result.Message);
    }

    [Fact]
    public async Task Rename_StaleVersion_IsAConflict()
    {
        var created = await SavePayload("Mug order");
        await _service.RenameAsync(_campaignId, SampleKind.Payload, created.Id!.Value, "Renamed by someone", created.Version!.Value);

        var result = await _service.RenameAsync(_campaignId, SampleKind.Payload, created.Id!.Value, "Mine", created.Version!.Value);

        Assert.Equal(WriteOutcome.Conflict, result.Outcome);
        Assert.Equal("Renamed by someone", (await _service.ListAsync(_campaignId)).Payloads[0].Name);
    }

    [Fact]
    public async Task DuplicateUser_CopiesAttributesAndCustomAttributes()
    {
        var created = await _service.SaveUserAsync(_campaignId, new SampleUserForm
        {
            Name = "Ana",
            Attributes = new() { ["first_name"] = "Ana", ["country"] = "PT" },
            CustomAttributesJson = "{\"tier\": \"gold\"}",
        });

        var copy = await _service.DuplicateAsync(_campaignId, SampleKind.User, created.Id!.Value);

        Assert.True(copy.Succeeded, copy.Message);
        var users = (await _service.ListAsync(_campaignId)).Users;
        Assert.Equal(["Ana", "Ana (copy)"], users.Select(u => u.Name));
        Assert.Equal(users[0].Attributes, users[1].Attributes);
        Assert.Equal("{\"tier\": \"gold\"}", users[1].CustomAttributesJson);
    }

    [Fact]
    public async Task Delete_WrongKind_DoesNotDeleteTheOtherKind()
    {
        var payload = await SavePayload("Mug order");

        var result = await _service.DeleteAsync(_campaignId, SampleKind.User, payload.Id!.Value, payload.Version!.Value);

        Assert.Equal(WriteOutcome.NotFound, result.Outcome);
        Assert.Single((await _service.ListAsync(_campaignId)).Payloads);
    }
}
