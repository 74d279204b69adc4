using BrazeLite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BrazeLite.Core.Ingest.Storage;

/// <summary>The ingest feature's tables in the one database.</summary>
public static class IngestTables
{
    extension(BrazeLiteDbContext db)
    {
        public DbSet<DispatchEntity> Dispatches => db.Set<DispatchEntity>();

        public DbSet<MessageEntity> Messages => db.Set<MessageEntity>();

        public DbSet<CampaignReceiptEntity> CampaignReceipts => db.Set<CampaignReceiptEntity>();

        public DbSet<IdempotencyKeyEntity> IdempotencyKeys => db.Set<IdempotencyKeyEntity>();

        public DbSet<ApiRequestEntity> ApiRequests => db.Set<ApiRequestEntity>();

        public DbSet<SendIdEntity> SendIds => db.Set<SendIdEntity>();

        public DbSet<BroadcastEntity> Broadcasts => db.Set<BroadcastEntity>();
    }
}
