using System.ComponentModel.DataAnnotations;
using Dashboard.Preview;

namespace Dashboard.Data;

/// <summary>
/// A named sample saved with a campaign for its preview, shared by everyone who opens the campaign: either a sample
/// <c>trigger_properties</c> payload or a sample user. Rows belong to the campaign with the same
/// <see cref="CampaignId"/> and go when it is deleted (a database trigger in the migration).
/// </summary>
public sealed class CampaignSampleEntity
{
    public int Id { get; set; }

    /// <summary>The Campaign API identifier of the campaign the sample belongs to.</summary>
    public string CampaignId { get; set; } = "";

    public SampleKind Kind { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The trimmed, lower-cased name: unique per campaign and kind.</summary>
    public string NormalizedName { get; set; } = "";

    /// <summary>A payload's JSON text, or a user's custom attributes as JSON text, kept as the marketer typed it.</summary>
    public string Json { get; set; } = "";

    /// <summary>A user's standard attributes as a JSON object of strings; "{}" for a payload.</summary>
    public string Attributes { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>App-managed concurrency token, renewed on every write.</summary>
    [ConcurrencyCheck]
    public Guid Version { get; set; }
}
