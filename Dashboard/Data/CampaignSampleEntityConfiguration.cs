using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data;

public sealed class CampaignSampleEntityConfiguration : IEntityTypeConfiguration<CampaignSampleEntity>
{
    // The campaign's key is its CampaignId, not the integer row key, so a trigger rather than a foreign key (which
    // would need an alternate key, and a rebuild of the Campaigns table) removes a deleted campaign's samples.
    public const string CreateDeleteTrigger = """
        CREATE TRIGGER "TR_Campaigns_DeleteSamples" AFTER DELETE ON "Campaigns"
        BEGIN
            DELETE FROM "CampaignSamples" WHERE "CampaignId" = OLD."CampaignId";
        END;
        """;

    public const string DropDeleteTrigger = "DROP TRIGGER IF EXISTS \"TR_Campaigns_DeleteSamples\";";

    public void Configure(EntityTypeBuilder<CampaignSampleEntity> b)
    {
        b.ToTable("CampaignSamples");
        b.HasKey(s => s.Id);
        b.Property(s => s.CampaignId).HasMaxLength(36).IsRequired();
        b.Property(s => s.Name).HasMaxLength(Preview.SampleDataService.MaxNameLength).IsRequired();
        b.Property(s => s.NormalizedName).HasMaxLength(Preview.SampleDataService.MaxNameLength).IsRequired();
        b.Property(s => s.Json).IsRequired();
        b.Property(s => s.Attributes).IsRequired();

        // One list query per campaign and kind, and the database refuses a second sample of the same name.
        b.HasIndex(s => new { s.CampaignId, s.Kind, s.NormalizedName }).IsUnique();

        b.Property(s => s.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        b.Property(s => s.UpdatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
    }
}
