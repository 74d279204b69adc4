using BrazeLite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrazeLite.Core.Audit.Storage;

/// <summary>A row of <c>AuditEntries</c>. Rows are only ever added: nothing updates or deletes them.</summary>
public sealed class AuditEntryEntity
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string? ActorId { get; set; }

    public string ActorName { get; set; } = "";

    public AuditArea Area { get; set; }

    public string Action { get; set; } = "";

    public string SubjectId { get; set; } = "";

    public string SubjectName { get; set; } = "";

    public string? CampaignId { get; set; }

    /// <summary>JSON array of <see cref="FieldChange"/>.</summary>
    public string Changes { get; set; } = "[]";

    public string? Comment { get; set; }
}

public sealed class AuditEntryEntityConfiguration : IEntityTypeConfiguration<AuditEntryEntity>
{
    public void Configure(EntityTypeBuilder<AuditEntryEntity> b)
    {
        b.ToTable("AuditEntries");
        b.HasKey(e => e.Id);
        b.Property(e => e.ActorName).HasMaxLength(256).IsRequired();
        b.Property(e => e.Area).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Action).HasMaxLength(60).IsRequired();
        b.Property(e => e.SubjectId).HasMaxLength(100).IsRequired();
        b.Property(e => e.SubjectName).HasMaxLength(256).IsRequired();
        b.Property(e => e.CampaignId).HasMaxLength(36);
        b.HasIndex(e => new { e.CampaignId, e.Id });
        b.HasIndex(e => e.At);
    }
}

public static class AuditTables
{
    extension(BrazeLiteDbContext db)
    {
        public DbSet<AuditEntryEntity> AuditEntries => db.Set<AuditEntryEntity>();
    }
}
