using BrazeLite.Core.Campaigns;

namespace BrazeLite.Core.Delivery.Senders;

/// <summary>
/// The sender of every channel without configuration: the rendered message is kept with its delivery and shown in the
/// Test inbox, marked as not delivered.
/// </summary>
public sealed class CaptureSender : IChannelSender
{
    public const string SenderName = "capture";

    public string NameFor(Channel channel) => SenderName;

    public bool IsLiveFor(Channel channel) => false;

    public bool Handles(Channel channel) => true;

    public Task<SendResult> SendAsync(OutboundContent content, SendContext context, CancellationToken ct) =>
        Task.FromResult(new SendResult(SendOutcome.Captured, "Captured in the Test inbox (the channel is not configured)"));
}
