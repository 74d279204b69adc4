using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrazeLite.Core.Samples.Storage;

public sealed class CampaignSampleEntityConfiguration : IEntityTypeConfiguration<CampaignSampleEntity>
{
    public void Configure(EntityTypeBuilder<CampaignSampleEntity> b)
    {
        b.ToTable("CampaignSamples");
        b.HasKey(s => s.Id);
        b.HasOne(s => s.Campaign).WithMany().HasForeignKey(s => s.CampaignRowId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Name).HasMaxLength(CampaignSamples.MaxNameLength).IsRequired();
        b.Property(s => s.NormalizedName).HasMaxLength(CampaignSamples.MaxNameLength).IsRequired();
        b.Property(s => s.Json).IsRequired();
        b.Property(s => s.Attributes).IsRequired();

        // One list query per campaign and kind, and the database refuses a second sample of the same name.
        b.HasIndex(s => new { s.CampaignRowId, s.Kind, s.NormalizedName }).IsUnique();
    }
}
