namespace BrazeLite.Core.Ingest.Storage;

/// <summary>
/// A row of <c>Messages</c>: one recipient's message on one channel (or their control-group enrolment), as acceptance
/// decided it, committed before the request was answered. The dispatcher delivers the accepted ones.
/// </summary>
public sealed class MessageEntity
{
    public long Id { get; set; }

    public string DispatchId { get; set; } = "";

    public DispatchEntity? Dispatch { get; set; }

    public int? CampaignRowId { get; set; }

    /// <summary>The <c>message_variation_id</c> (the control group's for control rows); null outside any campaign.</summary>
    public string? VariationId { get; set; }

    /// <summary>The variant's name at the time ("Control group" for control rows).</summary>
    public string? VariantName { get; set; }

    /// <summary>Null for a control-group row.</summary>
    public Campaigns.Channel? Channel { get; set; }

    public int? UserRowId { get; set; }

    /// <summary>How the request named the recipient: <c>external_user_id:u-1</c>, <c>email:a@b.c</c>, <c>alias:label/name</c>.</summary>
    public string Recipient { get; set; } = "";

    public MessageStatus Status { get; set; }

    /// <summary>Why a message was skipped, in a sentence.</summary>
    public string? Reason { get; set; }

    /// <summary>The trigger properties (or AJO context) the templates read, merged per recipient, as JSON.</summary>
    public string? TriggerProperties { get; set; }

    /// <summary><c>/messages/send</c>: the request's messaging object for this channel, as JSON.</summary>
    public string? Content { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
