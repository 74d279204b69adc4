using BrazeLite.Core.Ingest.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrazeLite.Core.Delivery.Storage;

public sealed class DeliveryEntityConfiguration : IEntityTypeConfiguration<DeliveryEntity>
{
    public void Configure(EntityTypeBuilder<DeliveryEntity> b)
    {
        b.ToTable("Deliveries");
        b.HasKey(d => d.MessageId);
        b.Property(d => d.MessageId).ValueGeneratedNever();
        b.HasOne<MessageEntity>().WithOne().HasForeignKey<DeliveryEntity>(d => d.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Sender).HasMaxLength(32);
        b.Property(d => d.Error).HasMaxLength(2000);
        b.Property(d => d.ProviderReference).HasMaxLength(300);
        b.Property(d => d.ProviderResponse).HasMaxLength(1200);
        // The dispatcher's claim of due retries and expired leases; the Test inbox by state.
        b.HasIndex(d => new { d.State, d.NextAttemptAt });
    }
}

public sealed class DeliveryAttemptEntityConfiguration : IEntityTypeConfiguration<DeliveryAttemptEntity>
{
    public void Configure(EntityTypeBuilder<DeliveryAttemptEntity> b)
    {
        b.ToTable("DeliveryAttempts");
        b.HasKey(a => a.Id);
        b.HasOne<DeliveryEntity>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.Outcome).HasMaxLength(1000).IsRequired();
        b.HasIndex(a => a.MessageId);
    }
}

public sealed class DeliveryCursorEntityConfiguration : IEntityTypeConfiguration<DeliveryCursorEntity>
{
    public void Configure(EntityTypeBuilder<DeliveryCursorEntity> b)
    {
        b.ToTable("DeliveryCursor");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        // No seed row: the migration that adds the table starts it after the messages already there (decision 0008).
    }
}
