using BrazeLite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BrazeLite.Core.ApiKeys.Storage;

/// <summary>The API key feature's table in the one database.</summary>
public static class ApiKeyTables
{
    extension(BrazeLiteDbContext db)
    {
        public DbSet<ApiKeyEntity> ApiKeys => db.Set<ApiKeyEntity>();
    }
}
