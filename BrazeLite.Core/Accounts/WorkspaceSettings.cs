using BrazeLite.Core.Accounts.Storage;
using BrazeLite.Core.Audit;
using BrazeLite.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BrazeLite.Core.Accounts;

/// <summary>The workspace's own settings (one row); today whether launches and changes to Active campaigns need approval.</summary>
public sealed class WorkspaceSettings(IDbContextFactory<BrazeLiteDbContext> dbFactory, IActorAccessor actors, AuditTrail audit)
{
    // -1 until read from the database; then 0 or 1. Written through this instance only (a singleton).
    private int _launchesNeedApproval = -1;

    /// <summary>When on, a Marketer's Launch asks an Approver, and a Marketer's change to an Active campaign waits beside the live version.</summary>
    public async Task<bool> LaunchesNeedApprovalAsync(CancellationToken ct = default)
    {
        if (Volatile.Read(ref _launchesNeedApproval) is var known and >= 0)
        {
            return known == 1;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var value = await db.Set<WorkspaceSettingsEntity>().AsNoTracking().Select(w => (bool?)w.LaunchesNeedApproval).FirstOrDefaultAsync(ct) ?? false;
        Volatile.Write(ref _launchesNeedApproval, value ? 1 : 0);
        return value;
    }

    /// <summary>Whether the acting account must ask before it launches or changes a live campaign.</summary>
    public async Task<bool> MustAskAsync(CancellationToken ct = default) =>
        actors.Current is not { } actor || (!actor.Can(Capability.ApproveChanges) && await LaunchesNeedApprovalAsync(ct));

    public async Task<string?> SetLaunchesNeedApprovalAsync(bool value, CancellationToken ct = default)
    {
        if (actors.Refusal(Capability.ManageWorkspace) is { } forbidden)
        {
            return forbidden;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Set<WorkspaceSettingsEntity>().FirstOrDefaultAsync(ct);
        if (row is null)
        {
            row = new WorkspaceSettingsEntity { Id = 1 };
            db.Add(row);
        }
        if (row.LaunchesNeedApproval != value)
        {
            audit.Record(db, AuditArea.Workspace, "Workspace setting changed", "workspace", "Launches need approval",
                changes: [new FieldChange("Launches need approval", row.LaunchesNeedApproval ? "On" : "Off", value ? "On" : "Off")]);
            row.LaunchesNeedApproval = value;
            await db.SaveChangesAsync(ct);
        }
        Volatile.Write(ref _launchesNeedApproval, value ? 1 : 0);
        return null;
    }
}
