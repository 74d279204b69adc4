using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Campaigns.Storage;
using BrazeLite.Core.Data;
using BrazeLite.Core.Samples.Storage;
using Microsoft.EntityFrameworkCore;

namespace BrazeLite.Core.Samples;

/// <summary>A duplicated campaign gets copies of every sample of the original: payloads, users and connected-content responses.</summary>
public sealed class SampleCopies(TimeProvider time) : ICampaignCopyPart
{
    public async Task AddCopiesAsync(BrazeLiteDbContext db, int sourceRowId, CampaignEntity copy, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var samples = await db.CampaignSamples.AsNoTracking().Where(s => s.CampaignRowId == sourceRowId).OrderBy(s => s.Id).ToListAsync(ct);
        db.CampaignSamples.AddRange(samples.Select(s => new CampaignSampleEntity
        {
            Campaign = copy,
            Kind = s.Kind,
            Name = s.Name,
            NormalizedName = s.NormalizedName,
            Json = s.Json,
            Attributes = s.Attributes,
            CreatedAt = now,
            UpdatedAt = now,
            Version = Guid.NewGuid(),
        }));
    }
}
