using BrazeLite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BrazeLite.Core.Campaigns.Storage;

/// <summary>The campaign feature's tables in the one database: the context itself knows no feature.</summary>
public static class CampaignTables
{
    extension(BrazeLiteDbContext db)
    {
        public DbSet<CampaignEntity> Campaigns => db.Set<CampaignEntity>();

        public DbSet<CampaignVariationEntity> CampaignVariations => db.Set<CampaignVariationEntity>();
    }
}
