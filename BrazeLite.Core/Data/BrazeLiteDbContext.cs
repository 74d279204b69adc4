using Microsoft.EntityFrameworkCore;

namespace BrazeLite.Core.Data;

/// <summary>
/// The one database. Each feature maps its own tables (an <see cref="IEntityTypeConfiguration{TEntity}"/> in its
/// <c>Storage</c> folder, found here by assembly scan) and exposes them as extension properties (<c>db.Campaigns</c>),
/// so this context depends on no feature.
/// </summary>
public sealed class BrazeLiteDbContext(DbContextOptions<BrazeLiteDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BrazeLiteDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        // SQLite cannot compare or order DateTimeOffset values; UTC ticks sort correctly as integers.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
}
