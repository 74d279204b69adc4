using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data;

public sealed class CampaignEntityConfiguration : IEntityTypeConfiguration<CampaignEntity>
{
    public void Configure(EntityTypeBuilder<CampaignEntity> b)
    {
        b.ToTable("Campaigns", t =>
        {
            t.HasCheckConstraint("CK_Campaigns_ControlPercentage", "\"ControlPercentage\" BETWEEN 0 AND 99");
            t.HasCheckConstraint("CK_Campaigns_ReeligibilityAmount", "\"ReeligibilityAmount\" >= 0");
        });
        b.HasKey(c => c.Id);

        b.Property(c => c.CampaignId).HasMaxLength(36).IsRequired();
        b.HasIndex(c => c.CampaignId).IsUnique();

        b.Property(c => c.Name).HasMaxLength(200).IsRequired();
        b.Property(c => c.NormalizedName).HasMaxLength(200).IsRequired();
        b.HasIndex(c => c.NormalizedName).IsUnique();

        b.Property(c => c.Description).HasMaxLength(2000);
        b.Property(c => c.ControlVariationId).HasMaxLength(36);
        b.Property(c => c.Tags).IsRequired();
        b.Property(c => c.Channels).IsRequired();
        b.Property(c => c.Variants).IsRequired();
        b.Property(c => c.ConversionEvents).IsRequired();

        // SQLite cannot compare or order DateTimeOffset values; UTC ticks sort correctly as integers.
        b.Property(c => c.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        b.Property(c => c.UpdatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

        // The list sorts by last edit by default and filters by type and status.
        b.HasIndex(c => c.UpdatedAt);
        b.HasIndex(c => new { c.Status, c.UpdatedAt });
        b.HasIndex(c => new { c.Type, c.UpdatedAt });
    }
}
