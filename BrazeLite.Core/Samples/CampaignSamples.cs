using BrazeLite.Core.Campaigns;

namespace BrazeLite.Core.Samples;

/// <summary>Every sample saved with one campaign, each list in the order the samples were created.</summary>
public sealed record CampaignSamples(IReadOnlyList<SamplePayload> Payloads, IReadOnlyList<SampleUser> Users)
{
    /// <summary>The longest sample name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Braze accepts at most 50 KB of trigger properties in one request; a sample's JSON text keeps to that.</summary>
    public const int MaxJsonBytes = 50 * 1024;

    public static readonly CampaignSamples None = new([], []);

    /// <summary>Saved sets of sample <c>connected_content</c> responses, each a JSON object of URL to response.</summary>
    public IReadOnlyList<SamplePayload> ConnectedContent { get; init; } = [];
}
