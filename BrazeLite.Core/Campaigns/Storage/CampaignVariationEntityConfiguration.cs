using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrazeLite.Core.Campaigns.Storage;

public sealed class CampaignVariationEntityConfiguration : IEntityTypeConfiguration<CampaignVariationEntity>
{
    /// <summary>The index that keeps every <c>message_variation_id</c> unique across campaigns.</summary>
    public const string UniqueVariationIdIndex = "IX_CampaignVariations_VariationId";

    public void Configure(EntityTypeBuilder<CampaignVariationEntity> b)
    {
        b.ToTable("CampaignVariations", t => t.HasCheckConstraint("CK_CampaignVariations_Percentage", "\"Percentage\" BETWEEN 0 AND 100"));
        b.HasKey(v => v.Id);
        b.Property(v => v.VariationId).HasMaxLength(36);
        // Several draft variants may have no ID yet: a unique index still allows many nulls.
        b.HasIndex(v => v.VariationId).IsUnique().HasDatabaseName(UniqueVariationIdIndex);
        b.HasIndex(v => new { v.CampaignRowId, v.SortOrder });
        // Names, not numbers: the rows read the same whatever order the enums are declared in.
        b.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.Name).HasMaxLength(Campaign.MaxNameLength).IsRequired();
    }
}
