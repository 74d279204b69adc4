using System.Net;
using System.Text;
using System.Text.Json;
using BrazeLite.Core.Campaigns.Storage;
using BrazeLite.Core.Data;
using BrazeLite.Core.Ingest.Storage;
using BrazeLite.Core.Users.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Api.Sends;

/// <summary>Campaigns launched through the real service, requests over HTTP, and a look at what was committed.</summary>
internal static class SendTestSupport
{
    public sealed record Answer(HttpStatusCode Status, JsonElement Body)
    {
        public string Message => Body.GetProperty("message").GetString()!;

        public IReadOnlyList<string> Errors =>
            Body.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().Select(e => e.GetString()!).ToList() : [];

        public string DispatchId => Body.GetProperty("dispatch_id").GetString()!;
    }

    /// <summary>An API-triggered marketing campaign with email and SMS, one variant at 100%, sent to each user once.</summary>
    public static CampaignForm Campaign(Action<CampaignForm>? change = null)
    {
        var form = SampleCampaigns.Triggered($"Trigger test {Guid.NewGuid():N}");
        Channel[] channels = [Channel.Email, Channel.Sms];
        form.Channels = channels.Select(c => new ChannelForm { Channel = c }).ToList();
        form.Variants = [SampleCampaigns.Variant("Variant A", 100, channels, "Hello")];
        form.HasControlGroup = false;
        form.ControlPercentage = 0;
        form.ReeligibilityEnabled = false;
        form.MessageType = MessageType.Marketing;
        change?.Invoke(form);
        return form;
    }

    public static async Task<CampaignForm> LaunchAsync(this DashboardApiFactory factory, CampaignForm form, CampaignStatus status = CampaignStatus.Active)
    {
        var saved = await factory.SaveAsync(form);
        var campaigns = factory.Services.GetRequiredService<ICampaignService>();
        if (status == CampaignStatus.Draft)
        {
            return saved;
        }
        var launched = await campaigns.ChangeStatusAsync(saved.CampaignId!, CampaignAction.Launch, saved.Version!.Value);
        Assert.True(launched.Succeeded, launched.Message);
        var version = launched.Version!.Value;
        if (status is CampaignStatus.Stopped or CampaignStatus.Archived)
        {
            var stopped = await campaigns.ChangeStatusAsync(saved.CampaignId!, CampaignAction.Stop, version);
            Assert.True(stopped.Succeeded, stopped.Message);
            version = stopped.Version!.Value;
        }
        if (status == CampaignStatus.Archived)
        {
            Assert.True((await campaigns.ChangeStatusAsync(saved.CampaignId!, CampaignAction.Archive, version)).Succeeded);
        }
        return (await campaigns.GetFormAsync(saved.CampaignId!))!;
    }

    public static async Task<Answer> PostAsync(this HttpClient client, string path, string json, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        return new Answer(response.StatusCode, document.RootElement.Clone());
    }

    public static Task<Answer> TriggerAsync(this HttpClient client, object body, string? idempotencyKey = null) =>
        client.PostAsync("/campaigns/trigger/send", JsonSerializer.Serialize(body), idempotencyKey);

    public static async Task<T> ReadAsync<T>(this DashboardApiFactory factory, Func<BrazeLiteDbContext, Task<T>> read)
    {
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<BrazeLiteDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await read(db);
    }

    public static Task<List<MessageEntity>> MessagesOfAsync(this DashboardApiFactory factory, string campaignId) =>
        factory.ReadAsync(async db =>
        {
            var rowId = await db.Campaigns.Where(c => c.CampaignId == campaignId).Select(c => c.Id).SingleAsync();
            return await db.Messages.AsNoTracking().Where(m => m.CampaignRowId == rowId).OrderBy(m => m.Id).ToListAsync();
        });

    public static Task<UserEntity?> UserAsync(this DashboardApiFactory factory, string externalId) =>
        factory.ReadAsync(db => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.ExternalId == externalId));

    public static object Recipient(string externalId, object? attributes = null, bool existingOnly = true, object? triggerProperties = null)
    {
        var r = new Dictionary<string, object?> { ["external_user_id"] = externalId };
        if (attributes is not null)
        {
            r["attributes"] = attributes;
        }
        if (!existingOnly)
        {
            r["send_to_existing_only"] = false;
        }
        if (triggerProperties is not null)
        {
            r["trigger_properties"] = triggerProperties;
        }
        return r;
    }

    /// <summary>A recipient that creates the user with an email address and phone number.</summary>
    public static object NewUser(string externalId, object? triggerProperties = null, string emailSubscribe = "subscribed") =>
        Recipient(externalId, new Dictionary<string, object?>
        {
            ["email"] = $"{externalId}@example.com",
            ["phone"] = "+15555550100",
            ["first_name"] = "Ana",
            ["email_subscribe"] = emailSubscribe,
        }, existingOnly: false, triggerProperties);
}
