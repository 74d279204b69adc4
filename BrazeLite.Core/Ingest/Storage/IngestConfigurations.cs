using BrazeLite.Core.Campaigns.Storage;
using BrazeLite.Core.Users.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrazeLite.Core.Ingest.Storage;

public sealed class DispatchEntityConfiguration : IEntityTypeConfiguration<DispatchEntity>
{
    public void Configure(EntityTypeBuilder<DispatchEntity> b)
    {
        b.ToTable("Dispatches");
        b.HasKey(d => d.DispatchId);
        b.Property(d => d.DispatchId).HasMaxLength(32);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.SendId).HasMaxLength(SendLimits.MaxSendIdLength);
        b.Property(d => d.RequestId).HasMaxLength(SendLimits.MaxRequestIdLength);
        b.Property(d => d.ApiKeyId).HasMaxLength(36);
        // No index on time or campaign (so no foreign key to the campaign either, which would bring one): dispatch IDs are
        // time-ordered, and a campaign's dispatches are found through its messages, whose foreign key guards the campaign.
        // Every index here would be one more page written per commit on the send path.
    }
}

public sealed class MessageEntityConfiguration : IEntityTypeConfiguration<MessageEntity>
{
    public void Configure(EntityTypeBuilder<MessageEntity> b)
    {
        b.ToTable("Messages");
        b.HasKey(m => m.Id);
        b.HasOne(m => m.Dispatch).WithMany().HasForeignKey(m => m.DispatchId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CampaignEntity>().WithMany().HasForeignKey(m => m.CampaignRowId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserEntity>().WithMany().HasForeignKey(m => m.UserRowId).OnDelete(DeleteBehavior.SetNull);
        b.Property(m => m.VariationId).HasMaxLength(36);
        b.Property(m => m.VariantName).HasMaxLength(Campaigns.Campaign.MaxNameLength);
        b.Property(m => m.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Recipient).HasMaxLength(1100).IsRequired();
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        // Rows are in time order (one writer, ascending ids), so the activity log pages by Id; these three serve the
        // dispatch, the per-variant counts and a user's history.
        b.HasIndex(m => m.DispatchId);
        b.HasIndex(m => new { m.CampaignRowId, m.VariationId, m.Status });
        b.HasIndex(m => m.UserRowId);
    }
}

public sealed class CampaignReceiptEntityConfiguration : IEntityTypeConfiguration<CampaignReceiptEntity>
{
    public void Configure(EntityTypeBuilder<CampaignReceiptEntity> b)
    {
        b.ToTable("CampaignReceipts");
        b.HasKey(r => new { r.CampaignRowId, r.UserRowId });
        b.HasOne<CampaignEntity>().WithMany().HasForeignKey(r => r.CampaignRowId).OnDelete(DeleteBehavior.Cascade);
        // No foreign key to the user: it would bring an index on UserRowId, one more page per commit on the send path,
        // for a delete that nothing does (profiles are not deleted).
    }
}

public sealed class IdempotencyKeyEntityConfiguration : IEntityTypeConfiguration<IdempotencyKeyEntity>
{
    public void Configure(EntityTypeBuilder<IdempotencyKeyEntity> b)
    {
        b.ToTable("IdempotencyKeys");
        b.HasKey(k => new { k.ApiKeyId, k.Key });
        b.Property(k => k.ApiKeyId).HasMaxLength(36);
        b.Property(k => k.Key).HasMaxLength(SendLimits.MaxIdempotencyKeyLength);
        b.Property(k => k.RequestHash).HasMaxLength(64).IsRequired();
        b.Property(k => k.Response).IsRequired();
        b.HasIndex(k => k.CreatedAt);
    }
}

public sealed class ApiRequestEntityConfiguration : IEntityTypeConfiguration<ApiRequestEntity>
{
    public void Configure(EntityTypeBuilder<ApiRequestEntity> b)
    {
        b.ToTable("ApiRequests");
        b.HasKey(r => r.Id);
        b.Property(r => r.Endpoint).HasMaxLength(64).IsRequired();
        b.Property(r => r.Message).HasMaxLength(1000).IsRequired();
        b.Property(r => r.ApiKeyId).HasMaxLength(36);
        b.Property(r => r.CampaignId).HasMaxLength(64);
        b.HasIndex(r => r.ReceivedAt);
    }
}

public sealed class SendIdEntityConfiguration : IEntityTypeConfiguration<SendIdEntity>
{
    public void Configure(EntityTypeBuilder<SendIdEntity> b)
    {
        b.ToTable("SendIds");
        b.Property(s => s.SendId).HasMaxLength(SendLimits.MaxSendIdLength).IsRequired();
        b.Property(s => s.ApiKeyId).HasMaxLength(36);
        b.HasIndex(s => new { s.CampaignRowId, s.SendId }).IsUnique();
        b.HasOne<Campaigns.Storage.CampaignEntity>().WithMany().HasForeignKey(s => s.CampaignRowId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BroadcastEntityConfiguration : IEntityTypeConfiguration<BroadcastEntity>
{
    public void Configure(EntityTypeBuilder<BroadcastEntity> b)
    {
        b.ToTable("Broadcasts");
        b.HasKey(x => x.DispatchId);
        b.Property(x => x.DispatchId).HasMaxLength(32);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Payload).IsRequired();
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasIndex(x => x.Status);
        b.HasIndex(x => x.CampaignRowId);
    }
}
