using BrazeLite.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Core.Data;

/// <summary>
/// The migration that made variations rows, run on a database the earlier migrations made and filled the way the
/// earlier code stored campaigns (variants and channels as JSON, samples tied by a trigger).
/// </summary>
public sealed class CampaignVariationsMigrationTests : IAsyncLifetime
{
    private const string BeforeVariations = "20261123123459_CampaignSamples";
    private const string ApiId = "a1a1a1a1-0000-4000-8000-000000000001";
    private const string TriggeredId = "b2b2b2b2-0000-4000-8000-000000000002";
    private const string DraftId = "c3c3c3c3-0000-4000-8000-000000000003";
    private const string EmailChannelId = "a1a1a1a1-0000-4000-8000-0000000000e1";
    private const string SmsChannelId = "a1a1a1a1-0000-4000-8000-0000000000e2";
    private const string VariantAId = "b2b2b2b2-0000-4000-8000-0000000000a1";
    private const string VariantBId = "b2b2b2b2-0000-4000-8000-0000000000b1";
    private const string ControlId = "b2b2b2b2-0000-4000-8000-0000000000c1";

    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync(BeforeVariations);
        await _database.ExecuteAsync(Fill("""
            INSERT INTO Campaigns (CampaignId, Name, NormalizedName, Type, Status, MessageType, Tags, Channels, Variants, ConversionEvents,
                ReeligibilityEnabled, ReeligibilityAmount, ReeligibilityUnit, HasControlGroup, ControlPercentage, ControlVariationId,
                EverLaunched, CreatedAt, UpdatedAt, Version)
            VALUES
            ('@ApiId@', 'Receipts', 'receipts', 0, 1, 0, '["orders"]',
             '[{"channel":"Email","messageVariationId":"@EmailChannelId@"},{"channel":"Sms","messageVariationId":"@SmsChannelId@"}]',
             '[]', '[]', 0, 0, 2, 0, 0, NULL, 1, 1, 2, 'A0000000-0000-0000-0000-000000000001'),
            ('@TriggeredId@', 'Basket reminder', 'basket reminder', 1, 1, 1, '[]',
             '[{"channel":"Email"},{"channel":"Sms"},{"channel":"Webhook"}]',
             '[{"name":"Variant A","variationId":"@VariantAId@","percentage":45,"messages":[
                 {"channel":"Email","from":"Shop <shop@example.com>","subject":"Your {{api_trigger_properties.${product}}}","htmlBody":"<p>Hi</p>"},
                 {"channel":"Sms","smsBody":"Basket: {{api_trigger_properties.${product}}}"},
                 {"channel":"Webhook","webhookUrl":"https://hooks.example/b","webhookMethod":"PUT","webhookHeaders":[{"name":"X-Shop","value":"{{campaign.${name}}}"}]}]},
               {"name":"Variant B","variationId":"@VariantBId@","percentage":45,"messages":[
                 {"channel":"Email","from":"shop@example.com","subject":"Still there?","htmlBody":"<p>B</p>"}]}]',
             '[{"type":"MakesPurchase","deadlineAmount":3,"deadlineUnit":"Days"}]', 1, 2, 3, 1, 10, '@ControlId@', 1, 1, 2,
             'A0000000-0000-0000-0000-000000000002'),
            ('@DraftId@', 'Unfinished', 'unfinished', 1, 0, 0, '[]', '[]',
             '[{"name":"Variant 1","variationId":"c3c3c3c3-0000-4000-8000-0000000000a1","percentage":100,"messages":[]}]',
             '[]', 0, 0, 2, 0, 0, NULL, 0, 1, 2, 'A0000000-0000-0000-0000-000000000003');
            INSERT INTO CampaignSamples (CampaignId, Kind, Name, NormalizedName, Json, Attributes, CreatedAt, UpdatedAt, Version)
            VALUES ('@TriggeredId@', 0, 'Mug', 'mug', '{"product":"mug"}', '{}', 1, 1, 'B0000000-0000-0000-0000-000000000001'),
                   ('@TriggeredId@', 1, 'Ana', 'ana', '{}', '{"first_name":"Ana"}', 1, 1, 'B0000000-0000-0000-0000-000000000002');
            """));
        await using var db = _database.CreateDbContext();
        await db.GetService<IMigrator>().MigrateAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    // The old rows, their IDs written in as @Name@.
    private static string Fill(string sql) => sql
        .Replace("@ApiId@", ApiId).Replace("@TriggeredId@", TriggeredId).Replace("@DraftId@", DraftId)
        .Replace("@EmailChannelId@", EmailChannelId).Replace("@SmsChannelId@", SmsChannelId)
        .Replace("@VariantAId@", VariantAId).Replace("@VariantBId@", VariantBId).Replace("@ControlId@", ControlId);

    private CampaignService Campaigns() => CoreServices.Campaigns(_database, new FakeTimeProvider());

    [Fact]
    public async Task Migrate_ApiCampaign_KeepsEveryChannelsMessageVariationId()
    {
        var campaign = (await Campaigns().GetAsync(ApiId))!;

        Assert.Equal([Channel.Email, Channel.Sms], campaign.Channels);
        Assert.Equal([(Channel.Email, EmailChannelId), (Channel.Sms, SmsChannelId)], campaign.ApiChannels.Select(c => (c.Channel, c.MessageVariationId)));
        Assert.Equal(CampaignStatus.Active, campaign.Status);
        Assert.Equal(["orders"], campaign.Tags);
    }

    [Fact]
    public async Task Migrate_TriggeredCampaign_GivesEveryVariantAMessagePerChannelKeepingItsOldIdOnTheFirst()
    {
        var campaign = (await Campaigns().GetAsync(TriggeredId))!;

        Assert.Equal([Channel.Email, Channel.Sms, Channel.Webhook], campaign.Channels);
        var a = campaign.Variants[0];
        Assert.Equal(("Variant A", 45), (a.Name, a.Percentage));
        Assert.Equal(VariantAId, a.MessageFor(Channel.Email)!.MessageVariationId);
        var email = Assert.IsType<EmailMessage>(a.MessageFor(Channel.Email));
        Assert.Equal(("Shop <shop@example.com>", "Your {{api_trigger_properties.${product}}}", "<p>Hi</p>"), (email.From, email.Subject, email.HtmlBody));
        Assert.Equal("Basket: {{api_trigger_properties.${product}}}", Assert.IsType<SmsMessage>(a.MessageFor(Channel.Sms)).Body);
        var webhook = Assert.IsType<WebhookMessage>(a.MessageFor(Channel.Webhook));
        Assert.Equal(("https://hooks.example/b", "PUT"), (webhook.Url, webhook.Method));
        Assert.Equal([new WebhookHeader("X-Shop", "{{campaign.${name}}}")], webhook.Headers);

        var b = campaign.Variants[1];
        Assert.Equal(VariantBId, b.MessageFor(Channel.Email)!.MessageVariationId);
        Assert.Equal("Still there?", Assert.IsType<EmailMessage>(b.MessageFor(Channel.Email)).Subject);
        Assert.Null(Assert.IsType<SmsMessage>(b.MessageFor(Channel.Sms)).Body);

        Assert.Equal(new ControlGroup(ControlId, 10), campaign.Control);
        Assert.Equal(new Reeligibility(true, 2, ReeligibilityUnit.Weeks), campaign.Reeligibility);
        var ids = campaign.Variations.Select(v => v.VariationId).ToList();
        Assert.Equal(3 + 3 + 1, ids.Count);
        Assert.All(ids, id => Assert.True(Ids.IsVariationId(id), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Migrate_DraftWithoutChannels_KeepsItsVariant()
    {
        var form = (await Campaigns().GetFormAsync(DraftId))!;

        var variant = Assert.Single(form.Variants);
        Assert.Equal(("Variant 1", 100), (variant.Name, variant.Percentage));
        Assert.Empty(variant.Messages);
        Assert.Empty(form.Channels);
    }

    [Fact]
    public async Task Migrate_MigratedCampaign_SavesAndLaunchesAsAnyOther()
    {
        var service = Campaigns();
        var form = (await service.GetFormAsync(TriggeredId))!;
        form.Variants[1].Messages.Single(m => m.Channel == Channel.Sms)[SmsFields.Body] = "B";
        form.Variants[1].Messages.Single(m => m.Channel == Channel.Webhook)[WebhookFields.Url] = "https://hooks.example/b2";

        var saved = await service.SaveAsync(form);

        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors?.SelectMany(e => e.Value) ?? [saved.Message ?? ""]));
        var again = (await service.GetAsync(TriggeredId))!;
        Assert.Equal(VariantAId, again.Variants[0].MessageFor(Channel.Email)!.MessageVariationId);
        Assert.Equal("B", Assert.IsType<SmsMessage>(again.Variants[1].MessageFor(Channel.Sms)).Body);
    }

    [Fact]
    public async Task Migrate_Samples_BelongToTheirCampaignAndGoWithIt()
    {
        var samples = CoreServices.Samples(_database, new FakeTimeProvider());
        var listed = await samples.ListAsync(TriggeredId);
        Assert.Equal(["Mug"], listed.Payloads.Select(p => p.Name));
        Assert.Equal(["Ana"], listed.Users.Select(u => u.Name));

        await _database.ExecuteAsync($"DELETE FROM Campaigns WHERE CampaignId = '{TriggeredId}'");

        Assert.Empty((await samples.ListAsync(TriggeredId)).Payloads);
        await using var check = _database.CreateDbContext();
        Assert.Equal(0, await check.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM CampaignSamples").SingleAsync());
        Assert.Equal(0, await check.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM sqlite_master WHERE type = 'trigger'").SingleAsync());
    }

    [Fact]
    public async Task MigrateDown_ToTheJsonShape_RestoresVariantsChannelsAndSamples()
    {
        await using (var db = _database.CreateDbContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeVariations);
        }

        await using var check = _database.CreateDbContext();
        var variants = await check.Database.SqlQueryRaw<string>($"SELECT Variants AS Value FROM Campaigns WHERE CampaignId = '{TriggeredId}'").SingleAsync();
        var channels = await check.Database.SqlQueryRaw<string>($"SELECT Channels AS Value FROM Campaigns WHERE CampaignId = '{ApiId}'").SingleAsync();
        var control = await check.Database.SqlQueryRaw<string>($"SELECT ControlVariationId AS Value FROM Campaigns WHERE CampaignId = '{TriggeredId}'").SingleAsync();
        Assert.Contains($"\"variationId\":\"{VariantAId}\"", variants);
        Assert.Contains("\"subject\":\"Your {{api_trigger_properties.${product}}}\"", variants);
        Assert.Contains($"\"messageVariationId\":\"{SmsChannelId}\"", channels);
        Assert.Equal(ControlId, control);
        Assert.Equal(2, await check.Database.SqlQueryRaw<int>($"SELECT count(*) AS Value FROM CampaignSamples WHERE CampaignId = '{TriggeredId}'").SingleAsync());
    }
}
