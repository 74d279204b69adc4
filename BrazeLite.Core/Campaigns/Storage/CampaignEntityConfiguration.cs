using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrazeLite.Core.Campaigns.Storage;

public sealed class CampaignEntityConfiguration : IEntityTypeConfiguration<CampaignEntity>
{
    public void Configure(EntityTypeBuilder<CampaignEntity> b)
    {
        b.ToTable("Campaigns", t => t.HasCheckConstraint("CK_Campaigns_ReeligibilityAmount", "\"ReeligibilityAmount\" >= 0"));
        b.HasKey(c => c.Id);

        b.Property(c => c.CampaignId).HasMaxLength(36).IsRequired();
        b.HasIndex(c => c.CampaignId).IsUnique();

        b.Property(c => c.Name).HasMaxLength(Campaign.MaxNameLength).IsRequired();
        b.Property(c => c.NormalizedName).HasMaxLength(Campaign.MaxNameLength).IsRequired();
        b.HasIndex(c => c.NormalizedName).IsUnique();

        b.Property(c => c.Description).HasMaxLength(Campaign.MaxDescriptionLength);
        b.Property(c => c.Tags).IsRequired();
        b.Property(c => c.Channels).IsRequired();
        b.Property(c => c.ConversionEvents).IsRequired();

        b.HasMany(c => c.Variations).WithOne(v => v.Campaign).HasForeignKey(v => v.CampaignRowId).OnDelete(DeleteBehavior.Cascade);

        // The list sorts by last edit by default and filters by type and status.
        b.HasIndex(c => c.UpdatedAt);
        b.HasIndex(c => new { c.Status, c.UpdatedAt });
        b.HasIndex(c => new { c.Type, c.UpdatedAt });
    }
}
