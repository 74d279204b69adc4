using BrazeLite.Core.Accounts;
using BrazeLite.Core.ApiKeys;
using BrazeLite.Core.Audit;
using BrazeLite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Shared;

/// <summary>The core's services as the app wires them, for service tests on a real database.</summary>
internal static class CoreServices
{
    public static TemplateRenderer Templates(TimeProvider? time = null) => new(time ?? TimeProvider.System, NullLogger<TemplateRenderer>.Instance);

    public static TemplateRules Rules() => new(Templates());

    public static CampaignService Campaigns(IDbContextFactory<BrazeLiteDbContext> db, TimeProvider time, IActorAccessor? actor = null)
    {
        actor ??= new TestActor();
        return new(db, Rules(), time, NullLogger<CampaignService>.Instance, actor, new AuditTrail(db, actor, time), copyParts: [new SampleCopies(time)]);
    }

    /// <summary>The key service with the directory and usage record it shares with the REST authentication.</summary>
    public static (ApiKeyService Service, ApiKeyDirectory Directory, ApiKeyUsage Usage) ApiKeys(IDbContextFactory<BrazeLiteDbContext> db, TimeProvider time,
        IActorAccessor? actor = null)
    {
        actor ??= new TestActor();
        var usage = new ApiKeyUsage();
        var directory = new ApiKeyDirectory(db, usage, time);
        return (new ApiKeyService(db, directory, usage, time, NullLogger<ApiKeyService>.Instance, actor, new AuditTrail(db, actor, time)), directory, usage);
    }

    public static SampleDataService Samples(IDbContextFactory<BrazeLiteDbContext> db, TimeProvider time, IActorAccessor? actor = null)
    {
        actor ??= new TestActor();
        return new(db, Rules(), time, NullLogger<SampleDataService>.Instance, actor, new AuditTrail(db, actor, time));
    }
}
