using BrazeLite.Core.Accounts;
using BrazeLite.Core.ApiKeys;
using BrazeLite.Core.Audit;
using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Data;
using BrazeLite.Core.Ingest;
using BrazeLite.Core.Ingest.Storage;
using BrazeLite.Core.Messaging;
using BrazeLite.Core.Samples;
using BrazeLite.Core.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BrazeLite.Core;

/// <summary>How a host registers BrazeLite's domain, rendering and data services.</summary>
public static class CoreSetup
{
    public static IHostApplicationBuilder AddBrazeLiteCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .Configure<IConfiguration>((o, configuration) => o.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddDbContextFactory<BrazeLiteDbContext>((services, o) => o
            .UseSqlite(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString)
            // SQLite rebuilds a table to change its columns, turning foreign keys off outside the migration's transaction
            // (PRAGMA foreign_keys cannot change inside one); EF warns about that on every fresh database.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning)));

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IActorAccessor, AmbientActor>();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<IAuditReader>(services => services.GetRequiredService<AuditTrail>());
        builder.Services.AddSingleton<ITemplateRenderer, TemplateRenderer>();
        builder.Services.AddSingleton<MessageRenderer>();
        builder.Services.AddSingleton<TemplateRules>();
        builder.Services.AddSingleton<CampaignChanges>();
        builder.Services.AddSingleton<WorkspaceSettings>();
        builder.Services.AddSingleton<ICampaignService, CampaignService>();
        builder.Services.AddSingleton<BrazeLite.Core.Approvals.IApprovalService, BrazeLite.Core.Approvals.ApprovalService>();
        builder.Services.AddSingleton<ISampleDataService, SampleDataService>();
        builder.Services.AddSingleton<ICampaignCopyPart, SampleCopies>();

        builder.Services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ApiKeyUsage>();
        builder.Services.AddSingleton<ApiKeyDirectory>();
        builder.Services.AddSingleton<IApiKeyService, ApiKeyService>();
        builder.Services.AddHostedService<ApiKeyUsageWriter>();

        builder.Services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IIngestStoreFactory, SqliteIngestStoreFactory>();
        builder.Services.AddSingleton<CommitSignal>();
        builder.Services.AddSingleton<IngestWriter>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IngestWriter>());
        builder.Services.AddSingleton<CampaignDirectory>();
        builder.Services.AddSingleton<BroadcastRunner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<BroadcastRunner>());
        builder.Services.AddSingleton<SendService>();
        builder.Services.AddSingleton<BrazeLite.Core.Exports.CampaignExportService>();
        builder.Services.AddSingleton<BrazeLite.Core.Activity.ActivityLogService>();
        builder.Services.AddSingleton<BrazeLite.Core.Users.UserDirectory>();
        return builder;
    }

    /// <summary>
    /// Creates the database and applies the migrations it lacks (on first start, and after an upgrade), then applies the
    /// provisioned API keys of the configuration.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<BrazeLiteDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await db.Database.MigrateAsync(ct);
        }
        await services.GetRequiredService<IApiKeyService>()
            .ProvisionAsync(services.GetRequiredService<IOptions<ApiKeyOptions>>().Value.Provisioned, ct);
    }
}
