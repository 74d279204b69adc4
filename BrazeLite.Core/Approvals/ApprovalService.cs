using System.Text.Json;
using BrazeLite.Core.Accounts;
using BrazeLite.Core.Approvals.Storage;
using BrazeLite.Core.Audit;
using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BrazeLite.Core.Approvals;

/// <summary>
/// "Launches need approval": a Marketer asks, an Approver (or admin) approves or rejects with a comment. A change to an
/// Active campaign is kept as a draft version beside the live one, which keeps sending until the change is approved.
/// </summary>
public sealed partial class ApprovalService(
    IDbContextFactory<BrazeLiteDbContext> dbFactory,
    ICampaignService campaigns,
    TemplateRules templateRules,
    IActorAccessor actors,
    AuditTrail audit,
    WorkspaceSettings workspace,
    TimeProvider time,
    ILogger<ApprovalService> logger) : IApprovalService
{
    public Task<bool> MustAskAsync(CancellationToken ct = default) => workspace.MustAskAsync(ct);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    /// <summary>Asks to launch a draft (or resume a stopped campaign) as it is now.</summary>
    public async Task<ApprovalResult> RequestLaunchAsync(string campaignId, Guid version, string? note, CancellationToken ct = default)
    {
        if (actors.Refusal(Capability.LaunchCampaigns) is { } forbidden)
        {
            return ApprovalResult.Refused(forbidden);
        }
        var form = await campaigns.GetFormAsync(campaignId, ct);
        if (form is null)
        {
            return ApprovalResult.Refused("No campaign has that ID.");
        }
        if (form.Version != version)
        {
            return ApprovalResult.Refused(Stale);
        }
        if (form.Status is not (CampaignStatus.Draft or CampaignStatus.Stopped))
        {
            return ApprovalResult.Refused($"Only a draft or a stopped campaign can be launched; this one is {CampaignLifecycle.Describe(form.Status)}.");
        }
        if (Problems(form) is { } problems)
        {
            return ApprovalResult.Refused(problems);
        }
        return await AddAsync(form, ApprovalKind.Launch, note, [], ct);
    }

    /// <summary>Proposes <paramref name="proposed"/> as the next version of an Active campaign; the live version is untouched.</summary>
    public async Task<ApprovalResult> RequestChangeAsync(CampaignForm proposed, string? note, CancellationToken ct = default)
    {
        if (actors.Refusal(Capability.EditCampaigns) is { } forbidden)
        {
            return ApprovalResult.Refused(forbidden);
        }
        var live = proposed.CampaignId is null ? null : await campaigns.GetFormAsync(proposed.CampaignId, ct);
        if (live is null)
        {
            return ApprovalResult.Refused("No campaign has that ID.");
        }
        if (live.Status != CampaignStatus.Active)
        {
            return ApprovalResult.Refused("Only changes to an Active campaign wait for approval; save this one directly.");
        }
        if (live.Version != proposed.Version)
        {
            return ApprovalResult.Refused(Stale);
        }
        if (Problems(proposed) is { } problems)
        {
            return ApprovalResult.Refused(problems);
        }
        var changes = CampaignService.AuditedChanges(live, proposed);
        if (changes.Count == 0)
        {
            return ApprovalResult.Refused("Nothing is changed: there is nothing to approve.");
        }
        return await AddAsync(proposed, ApprovalKind.Change, note, changes, ct);
    }

    public async Task<IReadOnlyList<ApprovalRequest>> PendingAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.ApprovalRequests.AsNoTracking().Where(r => r.State == ApprovalState.Pending).OrderBy(r => r.Id).ToListAsync(ct);
        return rows.Select(ToRequest).ToList();
    }

    /// <summary>The campaign's open request, if any.</summary>
    public async Task<ApprovalRequest?> PendingForAsync(string campaignId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = Ids.Key(campaignId);
        var row = await db.ApprovalRequests.AsNoTracking().FirstOrDefaultAsync(r => r.CampaignId == key && r.State == ApprovalState.Pending, ct);
        return row is null ? null : ToRequest(row);
    }

    /// <summary>A request with the live campaign, the proposed version and the fields that differ.</summary>
    public async Task<ApprovalReview?> ReviewAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.ApprovalRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null)
        {
            return null;
        }
        var proposed = JsonSerializer.Deserialize<CampaignForm>(row.ProposedForm, Json)!;
        var live = await campaigns.GetFormAsync(row.CampaignId, ct);
        var changes = row.Kind == ApprovalKind.Change && live is not null ? CampaignService.AuditedChanges(live, proposed) : [];
        return new ApprovalReview(ToRequest(row), live, proposed, changes);
    }

    /// <summary>Approves: the campaign is launched, or the draft version replaces the live one. The requester cannot approve.</summary>
    public async Task<ApprovalResult> ApproveAsync(long id, string? comment, CancellationToken ct = default)
    {
        if (actors.Refusal(Capability.ApproveChanges) is { } forbidden)
        {
            return ApprovalResult.Refused(forbidden);
        }
        var review = await ReviewAsync(id, ct);
        if (review is null || review.Request.State != ApprovalState.Pending)
        {
            return ApprovalResult.Refused("This request is no longer open.");
        }
        if (review.Request.RequestedById == actors.Current!.AccountId)
        {
            return ApprovalResult.Refused("Someone else must approve your own request.");
        }
        if (review.Live is null || review.Live.Version != review.Request.BaseVersion)
        {
            return ApprovalResult.Refused("The campaign has changed since this was asked: reject it and ask for a new approval.");
        }
        var applied = review.Request.Kind == ApprovalKind.Launch
            ? await campaigns.ChangeStatusAsync(review.Request.CampaignId,
                review.Live.Status == CampaignStatus.Stopped ? CampaignAction.Resume : CampaignAction.Launch, review.Live.Version!.Value, ct)
            : await campaigns.SaveAsync(review.Proposed, ct);
        if (!applied.Succeeded)
        {
            return ApprovalResult.Refused(applied.Errors is { Count: > 0 } errors
                ? "The proposed version does not pass its checks: " + string.Join(" ", errors.Values.SelectMany(v => v))
                : applied.Message ?? "The campaign could not be changed.");
        }
        return await DecideAsync(id, ApprovalState.Approved, comment, ct);
    }

    /// <summary>Rejects with a comment the requester reads; the campaign stays as it is.</summary>
    public async Task<ApprovalResult> RejectAsync(long id, string? comment, CancellationToken ct = default)
    {
        if (actors.Refusal(Capability.ApproveChanges) is { } forbidden)
        {
            return ApprovalResult.Refused(forbidden);
        }
        if (string.IsNullOrWhiteSpace(comment))
        {
            return ApprovalResult.Refused("Say why in the comment, so the requester knows what to change.");
        }
        return await DecideAsync(id, ApprovalState.Rejected, comment, ct);
    }

    private const string Stale = "This campaign was changed by someone else meanwhile: reload it to see their changes.";

    private string? Problems(CampaignForm form)
    {
        var errors = CampaignRules.Validate(form);
        errors.AddAll(templateRules.ParseErrors(CampaignForms.ToCampaign(form, form.CampaignId ?? "", form.Version ?? Guid.Empty)));
        return errors.Count == 0 ? null : "Fix the campaign before asking: " + string.Join(" ", errors.Values.SelectMany(v => v).Distinct());
    }

    private async Task<ApprovalResult> AddAsync(CampaignForm form, ApprovalKind kind, string? note, IReadOnlyList<FieldChange> changes, CancellationToken ct)
    {
        var actor = actors.Current!;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = new ApprovalRequestEntity
        {
            CampaignId = form.CampaignId!,
            CampaignName = form.Name.Trim(),
            Kind = kind,
            State = ApprovalState.Pending,
            ProposedForm = JsonSerializer.Serialize(form, Json),
            BaseVersion = form.Version!.Value,
            RequestedById = actor.AccountId,
            RequestedByName = actor.Name,
            RequestedAt = time.GetUtcNow(),
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            Version = Guid.NewGuid(),
        };
        db.ApprovalRequests.Add(row);
        audit.Record(db, AuditArea.Approval, kind == ApprovalKind.Launch ? "Launch approval requested" : "Change approval requested",
            row.CampaignId, row.CampaignName, row.CampaignId, changes, row.Note);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex, "ApprovalRequests.CampaignId"))
        {
            return ApprovalResult.Refused("This campaign already waits for an approval: it must be approved or rejected first.");
        }
        LogRequested(row.CampaignId, kind, actor.Name);
        return ApprovalResult.Done(row.Id);
    }

    private async Task<ApprovalResult> DecideAsync(long id, ApprovalState state, string? comment, CancellationToken ct)
    {
        var actor = actors.Current!;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.ApprovalRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null || row.State != ApprovalState.Pending)
        {
            return ApprovalResult.Refused("This request is no longer open.");
        }
        row.State = state;
        row.DecidedById = actor.AccountId;
        row.DecidedByName = actor.Name;
        row.DecidedAt = time.GetUtcNow();
        row.Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        row.Version = Guid.NewGuid();
        audit.Record(db, AuditArea.Approval, state == ApprovalState.Approved ? "Approved" : "Rejected", row.CampaignId, row.CampaignName, row.CampaignId,
            comment: $"{(row.Kind == ApprovalKind.Launch ? "Launch" : "Change")} requested by {row.RequestedByName}" + (row.Comment is { } c ? $": {c}" : "."));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApprovalResult.Refused("Someone else decided this request meanwhile.");
        }
        LogDecided(row.CampaignId, state, actor.Name);
        return ApprovalResult.Done(row.Id);
    }

    private static ApprovalRequest ToRequest(ApprovalRequestEntity r) => new(r.Id, r.CampaignId, r.CampaignName, r.Kind, r.State, r.RequestedByName,
        r.RequestedById, r.RequestedAt, r.Note, r.DecidedByName, r.DecidedAt, r.Comment, r.BaseVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: {Kind} approval requested by {Name}")]
    private partial void LogRequested(string campaignId, ApprovalKind kind, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: request {State} by {Name}")]
    private partial void LogDecided(string campaignId, ApprovalState state, string name);
}

/// <summary>What the pages do with approvals. Components call this, never a DbContext.</summary>
public interface IApprovalService
{
    /// <summary>Whether the acting account must ask before it launches, resumes or changes an Active campaign.</summary>
    Task<bool> MustAskAsync(CancellationToken ct = default);

    Task<ApprovalResult> RequestLaunchAsync(string campaignId, Guid version, string? note, CancellationToken ct = default);

    Task<ApprovalResult> RequestChangeAsync(CampaignForm proposed, string? note, CancellationToken ct = default);

    Task<IReadOnlyList<ApprovalRequest>> PendingAsync(CancellationToken ct = default);

    Task<ApprovalRequest?> PendingForAsync(string campaignId, CancellationToken ct = default);

    Task<ApprovalReview?> ReviewAsync(long id, CancellationToken ct = default);

    Task<ApprovalResult> ApproveAsync(long id, string? comment, CancellationToken ct = default);

    Task<ApprovalResult> RejectAsync(long id, string? comment, CancellationToken ct = default);
}
