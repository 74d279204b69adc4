using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrazeLite.Core.ApiKeys.Storage;

public sealed class ApiKeyEntityConfiguration : IEntityTypeConfiguration<ApiKeyEntity>
{
    public void Configure(EntityTypeBuilder<ApiKeyEntity> b)
    {
        b.ToTable("ApiKeys");
        b.HasKey(k => k.Id);
        b.Property(k => k.KeyId).HasMaxLength(36).IsRequired();
        b.HasIndex(k => k.KeyId).IsUnique();
        b.Property(k => k.Name).HasMaxLength(ApiKey.MaxNameLength).IsRequired();
        b.Property(k => k.SecretHash).HasMaxLength(64).IsRequired();
        b.HasIndex(k => k.SecretHash).IsUnique();
        b.Property(k => k.Prefix).HasMaxLength(ApiKey.PrefixLength).IsRequired();
        b.Property(k => k.Permissions).IsRequired();
        b.Property(k => k.AllowedIps).IsRequired();
        b.Property(k => k.ProvisionedName).HasMaxLength(ApiKey.MaxNameLength);
        b.HasIndex(k => k.ProvisionedName).IsUnique();
        b.Property(k => k.Version).IsConcurrencyToken();
    }
}
