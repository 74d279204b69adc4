using BrazeLite.Core.Accounts;
using BrazeLite.Core.Audit;
using BrazeLite.Core.Campaigns.Storage;
using BrazeLite.Core.Data;
using BrazeLite.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BrazeLite.Core.Campaigns;

/// <summary>
/// Stores campaigns; every method opens its own context. Each write checks the acting account's role first and
/// records itself in the audit trail in the same transaction.
/// </summary>
public sealed partial class CampaignService(
    IDbContextFactory<BrazeLiteDbContext> dbFactory,
    TemplateRules templateRules,
    TimeProvider time,
    ILogger<CampaignService> logger,
    IActorAccessor actors,
    AuditTrail audit,
    CampaignChanges? changes = null,
    IEnumerable<ICampaignCopyPart>? copyParts = null,
    WorkspaceSettings? workspace = null) : ICampaignService
{
    public async Task<CampaignPage> ListAsync(CampaignQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaigns = db.Campaigns.AsNoTracking();

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = CampaignForms.NormalizeName(query.Search);
            var inTags = "%" + Like(CampaignStorage.TagText(query.Search.Trim())) + "%";
            campaigns = campaigns.Where(c => c.NormalizedName.Contains(search) || c.CampaignId.StartsWith(search)
                || EF.Functions.Like(c.Tags, inTags, LikeEscape));
        }
        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = "%" + Like(CampaignStorage.TagElement(query.Tag.Trim())) + "%";
            campaigns = campaigns.Where(c => EF.Functions.Like(c.Tags, tag, LikeEscape));
        }
        if (query.Type is { } type)
        {
            campaigns = campaigns.Where(c => c.Type == type);
        }
        if (query.Status is { } status)
        {
            campaigns = campaigns.Where(c => c.Status == status);
        }
        else if (!query.IncludeArchived)
        {
            campaigns = campaigns.Where(c => c.Status != CampaignStatus.Archived);
        }

        var total = await campaigns.CountAsync(ct);

        campaigns = query.Sort switch
        {
            CampaignSort.LastEditedAsc => campaigns.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id),
            CampaignSort.NameAsc => campaigns.OrderBy(c => c.NormalizedName),
            CampaignSort.NameDesc => campaigns.OrderByDescending(c => c.NormalizedName),
            CampaignSort.StatusAsc => campaigns.OrderBy(c => c.Status).ThenByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id),
            CampaignSort.TypeAsc => campaigns.OrderBy(c => c.Type).ThenByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id),
            CampaignSort.StatusDesc => campaigns.OrderByDescending(c => c.Status).ThenByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id),
            CampaignSort.TypeDesc => campaigns.OrderByDescending(c => c.Type).ThenByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id),
            _ => campaigns.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id),
        };

        var pageSize = Math.Clamp(query.PageSize, 1, CampaignQuery.MaxPageSize);
        var page = Math.Max(query.Page, 0);
        var rows = await campaigns
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(c => new { c.CampaignId, c.Name, c.Type, c.Status, c.Channels, c.Tags, c.UpdatedAt, c.Version })
            .ToListAsync(ct);

        var items = rows
            .Select(r => new CampaignListItem(r.CampaignId, r.Name, r.Type, r.Status, CampaignStorage.ReadChannels(r.Channels), r.UpdatedAt, r.Version)
            {
                Tags = CampaignStorage.ReadTags(r.Tags),
            })
            .ToList();
        return new CampaignPage(items, total);
    }

    public async Task<IReadOnlyList<string>> TagsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.Campaigns.AsNoTracking().Where(c => c.Tags != "[]").Select(c => c.Tags).ToListAsync(ct);
        return stored.SelectMany(CampaignStorage.ReadTags)
            .DistinctBy(t => t, StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    // Not a backslash: the stored JSON escapes with backslashes.
    private const string LikeEscape = "!";

    /// <summary>Text matched literally by LIKE: its wildcards and the escape character escaped.</summary>
    private static string Like(string text) => text.Replace("!", "!!").Replace("%", "!%").Replace("_", "!_");

    public async Task<bool> IsNameTakenAsync(string name, string? exceptCampaignId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await IsNameTakenAsync(db, CampaignForms.NormalizeName(name), exceptCampaignId, ct);
    }

    private static Task<bool> IsNameTakenAsync(BrazeLiteDbContext db, string normalizedName, string? exceptCampaignId, CancellationToken ct) =>
        db.Campaigns.AnyAsync(c => c.NormalizedName == normalizedName && c.CampaignId != exceptCampaignId, ct);

    public async Task<Campaign?> GetAsync(string campaignId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = Ids.Key(campaignId);
        var entity = await db.Campaigns.AsNoTracking().Include(c => c.Variations).FirstOrDefaultAsync(c => c.CampaignId == key, ct);
        return entity is null ? null : CampaignStorage.ToCampaign(entity);
    }

    public async Task<CampaignForm?> GetFormAsync(string campaignId, CancellationToken ct = default) =>
        await GetAsync(campaignId, ct) is { } campaign ? CampaignForms.ToForm(campaign) : null;

    public async Task<WriteResult> SaveAsync(CampaignForm form, CancellationToken ct = default)
    {
        if (actors.Refusal(Capability.EditCampaigns) is { } forbidden)
        {
            return Refused(form.CampaignId ?? "(new)", "save", WriteResult.NotAllowed(forbidden));
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        CampaignForm? before = null;
        CampaignEntity entity;
        if (form.CampaignId is null)
        {
            entity = new CampaignEntity
            {
                CampaignId = Ids.NewId(),
                Status = CampaignStatus.Draft,
                CreatedAt = time.GetUtcNow(),
            };
            db.Campaigns.Add(entity);
        }
        else
        {
            var loaded = await LoadForWriteAsync(db, form.CampaignId, form.Version, ct);
            if (loaded.Refusal is { } refusal)
            {
                return Refused(form.CampaignId, "save", refusal);
            }
            entity = loaded.Entity!;
            if (entity.Type != form.Type)
            {
                return Refused(entity.CampaignId, "save", WriteResult.NotAllowed("A campaign's type cannot change; create a new campaign of the other type instead."));
            }
            if (entity.Status == CampaignStatus.Archived)
            {
                return Refused(entity.CampaignId, "save", WriteResult.NotAllowed("An archived campaign cannot be edited; unarchive it first."));
            }
            if (entity.Status == CampaignStatus.Active && workspace is not null && await workspace.MustAskAsync(ct))
            {
                return Refused(entity.CampaignId, "save", WriteResult.NotAllowed(
                    "Changes to an Active campaign need an Approver here: request approval, and the live version keeps sending until it is approved."));
            }
            before = CampaignForms.ToForm(CampaignStorage.ToCampaign(entity));
        }

        // A draft may be saved unfinished; a campaign that has been launched must stay complete and renderable.
        var launched = entity.Status != CampaignStatus.Draft;
        var errors = CampaignRules.Validate(form, launched ? ValidationLevel.Launch : ValidationLevel.Draft);
        var campaign = CampaignForms.ToCampaign(form, entity.CampaignId, entity.Version);
        if (launched)
        {
            errors.AddAll(templateRules.ParseErrors(campaign));
        }
        if (!errors.ContainsKey(CampaignFields.Name)
            && await IsNameTakenAsync(db, CampaignForms.NormalizeName(form.Name), entity.CampaignId, ct))
        {
            errors.Add(CampaignFields.Name, NameTakenMessage(form.Name));
        }
        if (errors.Count > 0)
        {
            return Refused(entity.CampaignId, "save", WriteResult.Invalid(errors));
        }

        CampaignStorage.Apply(campaign, entity);
        entity.UpdatedAt = time.GetUtcNow();
        entity.Version = Guid.NewGuid();
        if (before is null)
        {
            audit.Record(db, AuditArea.Campaign, "Created", entity.CampaignId, entity.Name, entity.CampaignId);
        }
        else if (AuditedChanges(before, CampaignForms.ToForm(campaign)) is { Count: > 0 } edited)
        {
            audit.Record(db, AuditArea.Campaign, "Edited", entity.CampaignId, entity.Name, entity.CampaignId, edited);
        }
        var result = await SaveChangesAsync(db, entity, form.Name, ct);
        if (result.Succeeded)
        {
            LogSaved(entity.CampaignId, entity.Name, entity.Status);
            changes?.Notify(entity.CampaignId);
        }
        return result;
    }

    public async Task<WriteResult> ChangeStatusAsync(string campaignId, CampaignAction action, Guid expectedVersion, CancellationToken ct = default)
    {
        if (actors.Refusal(action == CampaignAction.Launch ? Capability.LaunchCampaigns : Capability.EditCampaigns) is { } forbidden)
        {
            return Refused(campaignId, action.ToString(), WriteResult.NotAllowed(forbidden));
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await LoadForWriteAsync(db, campaignId, expectedVersion, ct);
        if (loaded.Refusal is { } refusal)
        {
            return Refused(campaignId, action.ToString(), refusal);
        }
        var entity = loaded.Entity!;
        if (action is CampaignAction.Launch or CampaignAction.Resume && workspace is not null && await workspace.MustAskAsync(ct))
        {
            return Refused(campaignId, action.ToString(), WriteResult.NotAllowed(
                $"Launches need an Approver here: request approval instead, and the campaign is {CampaignLifecycle.Done(action)} when it is approved."));
        }
        if (!CampaignLifecycle.ActionsFor(entity.Status).Contains(action))
        {
            return Refused(campaignId, action.ToString(), WriteResult.NotAllowed(NotAllowedMessage(action, entity.Status)));
        }
        if (action == CampaignAction.Launch)
        {
            var campaign = CampaignStorage.ToCampaign(entity);
            var errors = CampaignRules.Validate(CampaignForms.ToForm(campaign));
            errors.AddAll(templateRules.ParseErrors(campaign));
            if (errors.Count > 0)
            {
                return Refused(campaignId, action.ToString(), WriteResult.Invalid(errors));
            }
        }

        var from = entity.Status;
        entity.Status = CampaignLifecycle.Target(action, entity.EverLaunched);
        entity.EverLaunched |= action is CampaignAction.Launch or CampaignAction.Resume;
        entity.UpdatedAt = time.GetUtcNow();
        entity.Version = Guid.NewGuid();
        audit.Record(db, AuditArea.Campaign, Words.Capitalize(CampaignLifecycle.Done(action)), entity.CampaignId, entity.Name, entity.CampaignId,
            [new FieldChange("Status", from.ToString(), entity.Status.ToString())]);
        var result = await SaveChangesAsync(db, entity, entity.Name, ct);
        if (result.Succeeded)
        {
            LogStatusChanged(entity.CampaignId, from, entity.Status);
            changes?.Notify(entity.CampaignId);
        }
        return result;
    }

    public async Task<WriteResult> DuplicateAsync(string campaignId, CancellationToken ct = default)
    {
        if (actors.Refusal(Capability.EditCampaigns) is { } forbidden)
        {
            return Refused(campaignId, "duplicate", WriteResult.NotAllowed(forbidden));
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = Ids.Key(campaignId);
        var source = await db.Campaigns.AsNoTracking().Include(c => c.Variations).FirstOrDefaultAsync(c => c.CampaignId == key, ct);
        if (source is null)
        {
            return Refused(campaignId, "duplicate", WriteResult.NotFound());
        }

        var form = CampaignForms.ToForm(CampaignStorage.ToCampaign(source));
        form.Name = await FreeCopyNameAsync(db, source.Name, ct);
        foreach (var channel in form.Channels.Where(c => c.MessageVariationId is not null))
        {
            channel.MessageVariationId = Ids.NewId();
        }
        foreach (var message in form.Variants.SelectMany(v => v.Messages))
        {
            message.MessageVariationId = Ids.NewId();
        }
        if (form.ControlVariationId is not null)
        {
            form.ControlVariationId = Ids.NewId();
        }

        var now = time.GetUtcNow();
        var copy = new CampaignEntity
        {
            CampaignId = Ids.NewId(),
            Status = CampaignStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            Version = Guid.NewGuid(),
        };
        CampaignStorage.Apply(CampaignForms.ToCampaign(form), copy);
        db.Campaigns.Add(copy);
        foreach (var part in copyParts ?? [])
        {
            await part.AddCopiesAsync(db, source.Id, copy, ct);
        }
        audit.Record(db, AuditArea.Campaign, "Created", copy.CampaignId, copy.Name, copy.CampaignId,
            comment: $"A copy of “{source.Name}” ({source.CampaignId}).");
        var result = await SaveChangesAsync(db, copy, copy.Name, ct);
        if (result.Succeeded)
        {
            LogDuplicated(source.CampaignId, copy.CampaignId);
        }
        return result;
    }

    public async Task<WriteResult> DeleteAsync(string campaignId, Guid expectedVersion, CancellationToken ct = default)
    {
        if (actors.Refusal(Capability.EditCampaigns) is { } forbidden)
        {
            return Refused(campaignId, "delete", WriteResult.NotAllowed(forbidden));
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await LoadForWriteAsync(db, campaignId, expectedVersion, ct);
        if (loaded.Refusal is { } refusal)
        {
            return Refused(campaignId, "delete", refusal);
        }
        var entity = loaded.Entity!;
        if (!CampaignLifecycle.CanDelete(entity.Status))
        {
            return Refused(campaignId, "delete", WriteResult.NotAllowed(
                $"Only drafts can be deleted; this campaign is {CampaignLifecycle.Describe(entity.Status)}. Archive it instead."));
        }
        db.Campaigns.Remove(entity);
        audit.Record(db, AuditArea.Campaign, "Deleted", entity.CampaignId, entity.Name, entity.CampaignId);
        var result = await SaveChangesAsync(db, entity, entity.Name, ct);
        if (result.Succeeded)
        {
            LogDeleted(entity.CampaignId, entity.Name);
            changes?.Notify(entity.CampaignId);
        }
        return result;
    }

    /// <summary>The fields a save changed, as the history lists them; IDs minted by the editor and the version are not edits.</summary>
    /// A message's fields are named by variant, channel and label ("Variant B › SMS/MMS › Body"), as the editor shows them.
    internal static IReadOnlyList<FieldChange> AuditedChanges(CampaignForm before, CampaignForm after) =>
        FieldDiff.Between(before, after, nameof(CampaignForm.Version), nameof(CampaignForm.CampaignId), nameof(CampaignForm.Status))
            .Select(c => c with { Field = MessageFieldName(c.Field, after) ?? MessageFieldName(c.Field, before) ?? c.Field })
            .ToList();

    private static string? MessageFieldName(string path, CampaignForm form)
    {
        if (MessagePath().Match(path) is not { Success: true } m)
        {
            return null;
        }
        var variant = int.Parse(m.Groups["variant"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var message = int.Parse(m.Groups["message"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (variant >= form.Variants.Count || message >= form.Variants[variant].Messages.Count)
        {
            return null;
        }
        var channel = form.Variants[variant].Messages[message].Channel;
        var rest = m.Groups["rest"].Value;
        var field = rest.StartsWith("Values.", StringComparison.Ordinal) && ChannelFields.Find(channel, rest["Values.".Length..]) is { } known
            ? known.Label
            : rest;
        return $"{form.Variants[variant].Name} › {ChannelInfo.Label(channel)} › {field}";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^Variants\[(?<variant>\d+)\]\.Messages\[(?<message>\d+)\]\.(?<rest>.+)$")]
    private static partial System.Text.RegularExpressions.Regex MessagePath();

    public static string NameTakenMessage(string name) => $"Another campaign is already called “{name.Trim()}”.";

    /// <summary>The campaign tracked for a write when it exists and still has the version the caller read.</summary>
    private static async Task<(CampaignEntity? Entity, WriteResult? Refusal)> LoadForWriteAsync(
        BrazeLiteDbContext db, string campaignId, Guid? expectedVersion, CancellationToken ct)
    {
        var key = Ids.Key(campaignId);
        var entity = await db.Campaigns.Include(c => c.Variations).FirstOrDefaultAsync(c => c.CampaignId == key, ct);
        if (entity is null)
        {
            return (null, WriteResult.NotFound());
        }
        if (expectedVersion is not { } version || entity.Version != version)
        {
            return (null, WriteResult.Conflict());
        }
        // The write only applies if the row still holds the version the caller read.
        db.Entry(entity).Property(c => c.Version).OriginalValue = version;
        return (entity, null);
    }

    private async Task<WriteResult> SaveChangesAsync(BrazeLiteDbContext db, CampaignEntity entity, string name, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refused(entity.CampaignId, "write", WriteResult.Conflict());
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex, nameof(CampaignEntity.NormalizedName)))
        {
            // Another save took the name between our check and our write.
            var errors = new ValidationErrors();
            errors.Add(CampaignFields.Name, NameTakenMessage(name));
            return Refused(entity.CampaignId, "write", WriteResult.Invalid(errors));
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex, nameof(CampaignVariationEntity.VariationId)))
        {
            var errors = new ValidationErrors();
            errors.Add(entity.Type == CampaignType.Api ? CampaignFields.Channels : CampaignFields.Variants,
                "A message variation ID here is already used by another campaign; every campaign needs its own.");
            return Refused(entity.CampaignId, "write", WriteResult.Invalid(errors));
        }
        return WriteResult.Done(entity.CampaignId, entity.Version);
    }

    private WriteResult Refused(string campaignId, string what, WriteResult result)
    {
        LogRefused(campaignId, what, result.Outcome, result.Errors is { Count: > 0 } errors ? string.Join("; ", errors.Keys) : result.Message);
        return result;
    }

    private async Task<string> FreeCopyNameAsync(BrazeLiteDbContext db, string name, CancellationToken ct)
    {
        for (var n = 1; ; n++)
        {
            var suffix = n == 1 ? " (copy)" : $" (copy {n})";
            var baseName = name.Length + suffix.Length > Campaign.MaxNameLength
                ? name[..(Campaign.MaxNameLength - suffix.Length)].TrimEnd()
                : name;
            var candidate = baseName + suffix;
            if (!await IsNameTakenAsync(db, CampaignForms.NormalizeName(candidate), null, ct))
            {
                return candidate;
            }
        }
    }

    private static string NotAllowedMessage(CampaignAction action, CampaignStatus status)
    {
        var available = CampaignLifecycle.ActionsFor(status);
        return $"A campaign that is {CampaignLifecycle.Describe(status)} cannot be {CampaignLifecycle.Done(action)}."
            + (available.Count > 0 ? $" Available actions: {string.Join(", ", available)}." : "");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} \"{Name}\" saved ({Status})")]
    private partial void LogSaved(string campaignId, string name, CampaignStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} went from {From} to {To}")]
    private partial void LogStatusChanged(string campaignId, CampaignStatus from, CampaignStatus to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} duplicated as {CopyId}")]
    private partial void LogDuplicated(string campaignId, string copyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} \"{Name}\" deleted")]
    private partial void LogDeleted(string campaignId, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: {Action} refused ({Outcome}): {Reason}")]
    private partial void LogRefused(string campaignId, string action, WriteOutcome outcome, string? reason);
}
