using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Ingest;

namespace BrazeLite.Core.Activity;

/// <summary>What happened to one message, or to a refused request, as the activity log lists it.</summary>
public enum ActivityStatus
{
    Accepted,
    Skipped,
    Control,

    /// <summary>A request refused as a whole (a fatal error): nothing was sent for it.</summary>
    Rejected,

    /// <summary>A test send from the campaign editor, not counted in results.</summary>
    Test,
}

/// <summary>One line of the message activity log.</summary>
public sealed record ActivityEntry
{
    public required DateTimeOffset Time { get; init; }
    public required ActivityStatus Status { get; init; }

    /// <summary><c>POST /campaigns/trigger/send</c>, ...</summary>
    public required string Endpoint { get; init; }

    public string? CampaignId { get; init; }
    public string? CampaignName { get; init; }

    /// <summary>The variant's name, "Control group", or the API campaign's channel.</summary>
    public string? Variant { get; init; }

    public string? VariationId { get; init; }
    public Channel? Channel { get; init; }

    /// <summary>How the request named the user (<c>external_user_id:u-1</c>).</summary>
    public string? Recipient { get; init; }

    /// <summary>The profile's external ID or email, for the link to the user's page.</summary>
    public string? UserLookup { get; init; }

    /// <summary>Why it was skipped, or the rejected request's message and errors.</summary>
    public string? Reason { get; init; }

    public string? DispatchId { get; init; }
    public string? SendId { get; init; }

    /// <summary>A rejected request's HTTP status.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The message's row, for its page; null for a rejected request.</summary>
    public long? MessageId { get; init; }

    /// <summary>Where an accepted message's delivery stands ("Queued", "Delivered", "Failed", ...); null for other entries.</summary>
    public string? Delivery { get; init; }

    /// <summary>Why it failed, or why it was aborted.</summary>
    public string? DeliveryNote { get; init; }
}

/// <summary>The activity log's filters; every one optional. <see cref="Limit"/> grows as the marketer asks for more.</summary>
public sealed record ActivityQuery
{
    public const int PageSize = 50;
    public const int MaxLimit = 1000;

    public string? CampaignId { get; init; }

    /// <summary>An external ID or email address.</summary>
    public string? User { get; init; }

    public ActivityStatus? Status { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public string? DispatchId { get; init; }
    public int Limit { get; init; } = PageSize;
}

/// <summary>A page of the log: the newest entries first, and whether older ones exist.</summary>
public sealed record ActivityPage(IReadOnlyList<ActivityEntry> Entries, bool HasMore);

/// <summary>One row of a campaign's results: a variant (or the control group) on one channel, with what acceptance decided.</summary>
public sealed record VariantCount(string VariationId, string Variant, Channel? Channel, int Accepted, int Skipped, int Control)
{
    /// <summary>Accepted messages a provider took.</summary>
    public int Delivered { get; init; }

    /// <summary>Accepted messages kept in the Test inbox (the channel is not configured).</summary>
    public int Captured { get; init; }

    public int Failed { get; init; }

    /// <summary>Stopped by <c>abort_message</c>: not counted as sent.</summary>
    public int Aborted { get; init; }
}

/// <summary>A broadcast's progress, for the campaign page and the activity log.</summary>
public sealed record BroadcastProgress(
    string DispatchId, string? SendId, string? CampaignId, string? CampaignName, string Endpoint, string Status,
    int Total, int Processed, int Reached, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Note)
{
    public bool Running => Status == nameof(BrazeLite.Core.Ingest.Storage.BroadcastStatus.Running);

    /// <summary>0 to 100; a broadcast to no users is complete.</summary>
    public double Percent => Total == 0 ? (Running ? 0 : 100) : Math.Min(100, 100.0 * Processed / Total);
}
