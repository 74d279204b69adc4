using BrazeLite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BrazeLite.Core.Delivery.Storage;

/// <summary>The delivery feature's tables in the one database.</summary>
public static class DeliveryTables
{
    extension(BrazeLiteDbContext db)
    {
        public DbSet<DeliveryEntity> Deliveries => db.Set<DeliveryEntity>();

        public DbSet<DeliveryAttemptEntity> DeliveryAttempts => db.Set<DeliveryAttemptEntity>();

        public DbSet<DeliveryCursorEntity> DeliveryCursor => db.Set<DeliveryCursorEntity>();
    }
}
