using BrazeLite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BrazeLite.Core.Users.Storage;

/// <summary>The users feature's tables in the one database.</summary>
public static class UserTables
{
    extension(BrazeLiteDbContext db)
    {
        public DbSet<UserEntity> Users => db.Set<UserEntity>();

        public DbSet<UserEventEntity> UserEvents => db.Set<UserEventEntity>();

        public DbSet<UserPurchaseEntity> UserPurchases => db.Set<UserPurchaseEntity>();
    }
}
