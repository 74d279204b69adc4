using System.ComponentModel.DataAnnotations;
using BrazeLite.Core.Campaigns.Storage;

namespace BrazeLite.Core.Samples.Storage;

/// <summary>
/// A named sample saved with a campaign for its preview, shared by everyone who opens the campaign: a sample
/// <c>trigger_properties</c> payload, a sample user, or a set of sample <c>connected_content</c> responses. Rows go with
/// their campaign (a cascading foreign key).
/// </summary>
public sealed class CampaignSampleEntity
{
    public int Id { get; set; }

    /// <summary>The owning <see cref="CampaignEntity.Id"/>.</summary>
    public int CampaignRowId { get; set; }

    public CampaignEntity? Campaign { get; set; }

    public SampleKind Kind { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The trimmed, lower-cased name: unique per campaign and kind.</summary>
    public string NormalizedName { get; set; } = "";

    /// <summary>A payload's or response set's JSON text, or a user's custom attributes as JSON text, kept as the marketer typed it.</summary>
    public string Json { get; set; } = "";

    /// <summary>A user's standard attributes as a JSON object of strings; "{}" for the other kinds.</summary>
    public string Attributes { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>App-managed concurrency token, renewed on every write.</summary>
    [ConcurrencyCheck]
    public Guid Version { get; set; }
}
