using BrazeLite.Core.Campaigns;

namespace BrazeLite.Core.Samples;

/// <summary>The named samples saved with a campaign. Components call this, never a DbContext.</summary>
public interface ISampleDataService
{
    /// <summary>Every sample of the campaign, oldest first.</summary>
    Task<CampaignSamples> ListAsync(string campaignId, CancellationToken ct = default);

    /// <summary>Creates (<see cref="SamplePayloadForm.Id"/> null) or updates a payload after validating its name and JSON.</summary>
    Task<SampleWriteResult> SavePayloadAsync(string campaignId, SamplePayloadForm form, CancellationToken ct = default);

    /// <summary>Creates or updates a sample user after validating its name, attributes and custom attributes JSON.</summary>
    Task<SampleWriteResult> SaveUserAsync(string campaignId, SampleUserForm form, CancellationToken ct = default);

    /// <summary>Creates or updates a set of sample <c>connected_content</c> responses (a JSON object of URL to response).</summary>
    Task<SampleWriteResult> SaveConnectedContentAsync(string campaignId, SamplePayloadForm form, CancellationToken ct = default);

    /// <summary>Renames a sample; the name must stay unique among the campaign's samples of that kind.</summary>
    Task<SampleWriteResult> RenameAsync(string campaignId, SampleKind kind, int id, string name, Guid expectedVersion, CancellationToken ct = default);

    /// <summary>Copies a sample as "Name (copy)" (or "(copy 2)", ... when taken).</summary>
    Task<SampleWriteResult> DuplicateAsync(string campaignId, SampleKind kind, int id, CancellationToken ct = default);

    /// <summary>Deletes a sample if it still has the version the caller read.</summary>
    Task<SampleWriteResult> DeleteAsync(string campaignId, SampleKind kind, int id, Guid expectedVersion, CancellationToken ct = default);

    /// <summary>
    /// "Generate from template": saves a new payload, named "From templates" (numbered when taken), holding every
    /// <c>api_trigger_properties</c> key the campaign's templates read, nested paths as nested objects.
    /// </summary>
    Task<SampleWriteResult> GeneratePayloadAsync(Campaign campaign, CancellationToken ct = default);
}
