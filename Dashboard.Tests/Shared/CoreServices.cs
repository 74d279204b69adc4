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

    public static CampaignService Campaigns(IDbContextFactory<BrazeLiteDbContext> db, TimeProvider time, IActorAccessor? actor = null,
        WorkspaceSettings? workspace = null)
    {
        actor ??= new TestActor();
        return new(db, Rules(), time, NullLogger<CampaignService>.Instance, actor, new AuditTrail(db, actor, time), copyParts: [new SampleCopies(time)],
            workspace: workspace);
    }

    /// <summary>The workspace settings, the campaign service that obeys them, and the approvals on top, all acting as <paramref name="actor"/>.</summary>
    public static (WorkspaceSettings Workspace, CampaignService Campaigns, BrazeLite.Core.Approvals.ApprovalService Approvals) Approvals(
        IDbContextFactory<BrazeLiteDbContext> db, TimeProvider time, IActorAccessor actor)
    {
        var audit = new AuditTrail(db, actor, time);
        var workspace = new WorkspaceSettings(db, actor, audit);
        var campaigns = Campaigns(db, time, actor, workspace);
        return (workspace, campaigns, new BrazeLite.Core.Approvals.ApprovalService(db, campaigns, Rules(), actor, audit, workspace, time,
            NullLogger<BrazeLite.Core.Approvals.ApprovalService>.Instance));
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
