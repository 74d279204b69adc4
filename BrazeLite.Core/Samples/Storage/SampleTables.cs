using BrazeLite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BrazeLite.Core.Samples.Storage;

/// <summary>The sample feature's table in the one database.</summary>
public static class SampleTables
{
    extension(BrazeLiteDbContext db)
    {
        public DbSet<CampaignSampleEntity> CampaignSamples => db.Set<CampaignSampleEntity>();
    }
}
