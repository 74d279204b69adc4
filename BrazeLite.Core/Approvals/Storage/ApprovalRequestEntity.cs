using BrazeLite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrazeLite.Core.Approvals.Storage;

/// <summary>A row of <c>ApprovalRequests</c>; the proposed version is the editor's form as JSON.</summary>
public sealed class ApprovalRequestEntity
{
    public long Id { get; set; }

    public string CampaignId { get; set; } = "";

    public string CampaignName { get; set; } = "";

    public ApprovalKind Kind { get; set; }

    public ApprovalState State { get; set; }

    public string ProposedForm { get; set; } = "{}";

    /// <summary>The campaign's version the proposal was made from: approving refuses if the live one moved on.</summary>
    public Guid BaseVersion { get; set; }

    public string? RequestedById { get; set; }

    public string RequestedByName { get; set; } = "";

    public DateTimeOffset RequestedAt { get; set; }

    public string? Note { get; set; }

    public string? DecidedById { get; set; }

    public string? DecidedByName { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? Comment { get; set; }

    public Guid Version { get; set; }
}

public sealed class ApprovalRequestEntityConfiguration : IEntityTypeConfiguration<ApprovalRequestEntity>
{
    public void Configure(EntityTypeBuilder<ApprovalRequestEntity> b)
    {
        b.ToTable("ApprovalRequests");
        b.HasKey(r => r.Id);
        b.Property(r => r.CampaignId).HasMaxLength(36).IsRequired();
        b.Property(r => r.CampaignName).HasMaxLength(256).IsRequired();
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.RequestedByName).HasMaxLength(256).IsRequired();
        b.Property(r => r.DecidedByName).HasMaxLength(256);
        b.Property(r => r.Version).IsConcurrencyToken();
        // One open request per campaign: a second one would race the first.
        b.HasIndex(r => r.CampaignId).IsUnique().HasFilter("State = 'Pending'").HasDatabaseName("IX_ApprovalRequests_OnePending");
        b.HasIndex(r => new { r.State, r.Id });
    }
}

public static class ApprovalTables
{
    extension(BrazeLiteDbContext db)
    {
        public DbSet<ApprovalRequestEntity> ApprovalRequests => db.Set<ApprovalRequestEntity>();
    }
}
