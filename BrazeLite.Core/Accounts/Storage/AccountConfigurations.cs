using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrazeLite.Core.Accounts.Storage;

// Identity's tables as IdentityDbContext maps them (names, keys, indexes), so Identity's EF stores work on the one
// context without the context deriving from a feature's base class (docs/decisions/0001).

public sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.ToTable("AspNetUsers");
        b.HasKey(u => u.Id);
        b.HasIndex(u => u.NormalizedUserName).HasDatabaseName("UserNameIndex").IsUnique();
        b.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex");
        b.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(u => u.UserName).HasMaxLength(256);
        b.Property(u => u.NormalizedUserName).HasMaxLength(256);
        b.Property(u => u.Email).HasMaxLength(256);
        b.Property(u => u.NormalizedEmail).HasMaxLength(256);
        b.Property(u => u.DisplayName).HasMaxLength(Account.MaxDisplayNameLength).IsRequired();
        b.HasMany<IdentityUserClaim<string>>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
        b.HasMany<IdentityUserLogin<string>>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
        b.HasMany<IdentityUserToken<string>>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
        b.HasMany<IdentityUserRole<string>>().WithOne().HasForeignKey(r => r.UserId).IsRequired();
    }
}

public sealed class AccountClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<string>> b)
    {
        b.ToTable("AspNetUserClaims");
        b.HasKey(c => c.Id);
    }
}

public sealed class AccountLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> b)
    {
        b.ToTable("AspNetUserLogins");
        b.HasKey(l => new { l.LoginProvider, l.ProviderKey });
    }
}

public sealed class AccountTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> b)
    {
        b.ToTable("AspNetUserTokens");
        b.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
    }
}

public sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> b)
    {
        b.ToTable("AspNetRoles");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.NormalizedName).HasDatabaseName("RoleNameIndex").IsUnique();
        b.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(r => r.Name).HasMaxLength(256);
        b.Property(r => r.NormalizedName).HasMaxLength(256);
        b.HasMany<IdentityUserRole<string>>().WithOne().HasForeignKey(ur => ur.RoleId).IsRequired();
        b.HasMany<IdentityRoleClaim<string>>().WithOne().HasForeignKey(rc => rc.RoleId).IsRequired();
        // The four roles exist from the first migration on; their IDs are fixed so the data never depends on a start.
        b.HasData(Roles.All.Select(role => new IdentityRole(role)
        {
            Id = "role-" + role.ToLowerInvariant(),
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = "role-" + role.ToLowerInvariant(),
        }));
    }
}

public sealed class RoleClaimConfiguration : IEntityTypeConfiguration<IdentityRoleClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<string>> b)
    {
        b.ToTable("AspNetRoleClaims");
        b.HasKey(c => c.Id);
    }
}

public sealed class AccountRoleConfiguration : IEntityTypeConfiguration<IdentityUserRole<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<string>> b)
    {
        b.ToTable("AspNetUserRoles");
        b.HasKey(r => new { r.UserId, r.RoleId });
    }
}

/// <summary>A row of <c>DataProtectionKeys</c>: one key ring element, so cookies and links survive a restart.</summary>
public sealed class DataProtectionKeyEntity
{
    public int Id { get; set; }

    public string FriendlyName { get; set; } = "";

    public string Xml { get; set; } = "";
}

public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKeyEntity>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyEntity> b)
    {
        b.ToTable("DataProtectionKeys");
        b.HasKey(k => k.Id);
        b.Property(k => k.FriendlyName).HasMaxLength(200).IsRequired();
        b.Property(k => k.Xml).IsRequired();
    }
}

public static class AccountTables
{
    extension(BrazeLite.Core.Data.BrazeLiteDbContext db)
    {
        public DbSet<Account> Accounts => db.Set<Account>();

        public DbSet<DataProtectionKeyEntity> DataProtectionKeys => db.Set<DataProtectionKeyEntity>();
    }
}

/// <summary>The one row of <c>WorkspaceSettings</c>.</summary>
public sealed class WorkspaceSettingsEntity
{
    public int Id { get; set; }

    public bool LaunchesNeedApproval { get; set; }
}

public sealed class WorkspaceSettingsConfiguration : IEntityTypeConfiguration<WorkspaceSettingsEntity>
{
    public void Configure(EntityTypeBuilder<WorkspaceSettingsEntity> b)
    {
        b.ToTable("WorkspaceSettings");
        b.HasKey(w => w.Id);
        b.Property(w => w.Id).ValueGeneratedNever();
    }
}
