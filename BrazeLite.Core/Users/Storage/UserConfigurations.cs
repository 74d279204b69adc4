using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrazeLite.Core.Users.Storage;

public sealed class UserEntityConfiguration : IEntityTypeConfiguration<UserEntity>
{
    public void Configure(EntityTypeBuilder<UserEntity> b)
    {
        b.ToTable("Users");
        b.HasKey(u => u.Id);
        b.Property(u => u.UserId).HasMaxLength(36).IsRequired();
        b.HasIndex(u => u.UserId).IsUnique();
        // Partial indexes: a profile without an external ID, email or alias adds nothing to that index, so the send path
        // (which writes a profile per new recipient) touches as few index pages per commit as it can.
        b.Property(u => u.ExternalId).HasMaxLength(UserLimits.MaxIdLength);
        b.HasIndex(u => u.ExternalId).IsUnique().HasFilter("\"ExternalId\" IS NOT NULL");
        b.Property(u => u.Email).HasMaxLength(UserLimits.MaxEmailLength);
        b.HasIndex(u => u.Email).HasFilter("\"Email\" IS NOT NULL");
        b.Property(u => u.AliasName).HasMaxLength(UserLimits.MaxIdLength);
        b.Property(u => u.AliasLabel).HasMaxLength(UserLimits.MaxIdLength);
        b.HasIndex(u => new { u.AliasLabel, u.AliasName }).IsUnique().HasFilter("\"AliasName\" IS NOT NULL");
        b.Property(u => u.Attributes).IsRequired();
        b.Property(u => u.CustomAttributes).IsRequired();
        b.Property(u => u.SubscriptionGroups).IsRequired();
        b.Property(u => u.EmailSubscribe).HasMaxLength(16);
        b.Property(u => u.PushSubscribe).HasMaxLength(16);
    }
}

public sealed class UserEventEntityConfiguration : IEntityTypeConfiguration<UserEventEntity>
{
    public void Configure(EntityTypeBuilder<UserEventEntity> b)
    {
        b.ToTable("UserEvents");
        b.HasKey(e => e.Id);
        b.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserRowId).OnDelete(DeleteBehavior.Cascade);
        b.Property(e => e.Name).HasMaxLength(UserLimits.MaxNameLength).IsRequired();
        b.Property(e => e.AppId).HasMaxLength(UserLimits.MaxIdLength);
        b.Property(e => e.Properties).IsRequired();
        b.HasIndex(e => new { e.UserRowId, e.Time });
    }
}

public sealed class UserPurchaseEntityConfiguration : IEntityTypeConfiguration<UserPurchaseEntity>
{
    public void Configure(EntityTypeBuilder<UserPurchaseEntity> b)
    {
        b.ToTable("UserPurchases");
        b.HasKey(p => p.Id);
        b.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserRowId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.ProductId).HasMaxLength(UserLimits.MaxNameLength).IsRequired();
        b.Property(p => p.Currency).HasMaxLength(3).IsRequired();
        b.Property(p => p.Price).HasConversion<double>();
        b.Property(p => p.Properties).IsRequired();
        b.HasIndex(p => new { p.UserRowId, p.Time });
    }
}
