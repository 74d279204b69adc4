using BrazeLite.Core.Delivery;
using BrazeLite.Core.Campaigns.Storage;
using BrazeLite.Core.Delivery.Storage;
using BrazeLite.Core.Ingest.Storage;
using Dashboard.Tests.Api.Sends;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Delivery;

/// <summary>A campaign's messages with their deliveries, read as the activity log reads them, waited for until they end.</summary>
internal static class DeliveryTestSupport
{
    public sealed record Delivered(MessageEntity Message, DeliveryEntity Delivery, IReadOnlyList<DeliveryAttemptEntity> Attempts)
    {
        public OutboundContent Content => OutboundContent.FromJson(Delivery.Content)!;
    }

    /// <summary>A factory whose dispatcher retries fast and looks for work often, with <paramref name="settings"/> on top.</summary>
    public static DashboardApiFactory Factory(params (string Key, string Value)[] settings)
    {
        var factory = new DashboardApiFactory();
        factory.Settings["Delivery:FirstRetryDelay"] = "00:00:00.050";
        factory.Settings["Delivery:MaxRetryDelay"] = "00:00:02";
        factory.Settings["Delivery:PollInterval"] = "00:00:00.050";
        factory.Settings["Delivery:MaxAttempts"] = "3";
        foreach (var (key, value) in settings)
        {
            factory.Settings[key] = value;
        }
        return factory;
    }

    /// <summary>Makes <paramref name="form"/> a campaign of only these channels, one variant at 100%, without email-only conversion events.</summary>
    public static void OnlyChannels(CampaignForm form, params Channel[] channels)
    {
        form.Channels = channels.Select(c => new ChannelForm { Channel = c }).ToList();
        form.Variants = [SampleCampaigns.Variant("Variant A", 100, channels, "Hello")];
        if (!channels.Contains(Channel.Email))
        {
            form.ConversionEvents.RemoveAll(e => e.Type is ConversionEventType.OpensEmail or ConversionEventType.ClicksEmail);
        }
    }

    /// <summary>Waits until the campaign has <paramref name="count"/> messages whose delivery ended, and returns them in order.</summary>
    public static Task<IReadOnlyList<Delivered>> WaitForDeliveriesAsync(this DashboardApiFactory factory, string campaignId, int count,
        TimeSpan? timeout = null) =>
        WaitForAsync(() => factory.DeliveriesOfAsync(campaignId), count, timeout);

    /// <summary>As <see cref="WaitForDeliveriesAsync"/>, for the messages of one dispatch (a send outside any campaign).</summary>
    public static Task<IReadOnlyList<Delivered>> WaitForDispatchAsync(this DashboardApiFactory factory, string dispatchId, int count,
        TimeSpan? timeout = null) =>
        WaitForAsync(() => factory.ReadAsync(db => DeliveriesAsync(db, db.Messages.Where(m => m.DispatchId == dispatchId))), count, timeout);

    private static async Task<IReadOnlyList<Delivered>> WaitForAsync(Func<Task<List<Delivered>>> read, int count, TimeSpan? timeout)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = await read();
            var ended = found.Where(d => DeliveryStates.IsFinal(d.Delivery.State)).ToList();
            if (ended.Count >= count)
            {
                return ended;
            }
            Assert.True(DateTime.UtcNow < deadline,
                $"{ended.Count} of {count} deliveries ended in time; states: {string.Join(", ", found.Select(d => d.Delivery.State))}");
            await Task.Delay(25);
        }
    }

    public static Task<List<Delivered>> DeliveriesOfAsync(this DashboardApiFactory factory, string campaignId) =>
        factory.ReadAsync(async db =>
        {
            var rowId = await db.Campaigns.Where(c => c.CampaignId == campaignId).Select(c => c.Id).SingleAsync();
            return await DeliveriesAsync(db, db.Messages.Where(m => m.CampaignRowId == rowId));
        });

    private static async Task<List<Delivered>> DeliveriesAsync(BrazeLite.Core.Data.BrazeLiteDbContext db, IQueryable<MessageEntity> of)
    {
            var messages = await of.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
            var ids = messages.Select(m => m.Id).ToList();
            var deliveries = await db.Deliveries.AsNoTracking().Where(d => ids.Contains(d.MessageId)).ToDictionaryAsync(d => d.MessageId);
            var attempts = (await db.DeliveryAttempts.AsNoTracking().Where(a => ids.Contains(a.MessageId)).ToListAsync())
                .OrderBy(a => a.Id).ToLookup(a => a.MessageId);
            return messages.Where(m => deliveries.ContainsKey(m.Id))
                .Select(m => new Delivered(m, deliveries[m.Id], attempts[m.Id].ToList()))
                .ToList();
    }
}
