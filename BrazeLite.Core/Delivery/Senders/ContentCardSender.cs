using BrazeLite.Core.Campaigns;

namespace BrazeLite.Core.Delivery.Senders;

/// <summary>
/// Content Cards live in BrazeLite itself: delivering one keeps it with the delivery, where <c>/content_cards/sync</c>
/// finds it until it expires. So the channel is always live.
/// </summary>
public sealed class ContentCardSender : IChannelSender
{
    public const string SenderName = "content-cards";

    public string NameFor(Channel channel) => SenderName;

    public bool IsLiveFor(Channel channel) => true;

    public bool Handles(Channel channel) => channel == Channel.ContentCard;

    public Task<SendResult> SendAsync(OutboundContent content, SendContext context, CancellationToken ct) =>
        Task.FromResult(new SendResult(SendOutcome.Delivered, "Stored for the user's feed", $"card-{context.MessageId}"));
}
