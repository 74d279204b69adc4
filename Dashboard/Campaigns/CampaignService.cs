using Dashboard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Campaigns;

/// <summary>Stores campaigns in SQLite; every method opens its own context.</summary>
public sealed class CampaignService(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider time) : ICampaignService
{
    public const int MaxPageSize = 200;

    public async Task<CampaignPage> ListAsync(CampaignQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaigns = db.Campaigns.AsNoTracking();

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = CampaignMapping.NormalizeName(query.Search);
            campaigns = campaigns.Where(c => c.NormalizedName.Contains(search) || c.CampaignId.StartsWith(search));
        }
        if (query.Type is { } type)
        {
            campaigns = campaigns.Where(c => c.Type == type);
        }
        if (query.Status is { } status)
        {
            campaigns = campaigns.Where(c => c.Status == status);
        }

        var total = await campaigns.CountAsync(ct);

        campaigns = query.Sort switch
        {
            CampaignSort.LastEditedAsc => campaigns.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id),
            CampaignSort.NameAsc => campaigns.OrderBy(c => c.NormalizedName),
            CampaignSort.NameDesc => campaigns.OrderByDescending(c => c.NormalizedName),
            CampaignSort.StatusAsc => campaigns.OrderBy(c => c.Status).ThenByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id),
            CampaignSort.TypeAsc => campaigns.OrderBy(c => c.Type).ThenByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id),
            _ => campaigns.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id),
        };

        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(query.Page, 0);
        var rows = await campaigns
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(c => new { c.CampaignId, c.Name, c.Type, c.Status, c.Channels, c.UpdatedAt, c.Version })
            .ToListAsync(ct);

        var items = rows
            .Select(r => new CampaignListItem(r.CampaignId, r.Name, r.Type, r.Status, CampaignMapping.ReadChannels(r.Channels), r.UpdatedAt, r.Version))
            .ToList();
        return new CampaignPage(items, total);
    }

    public async Task<bool> IsNameTakenAsync(string name, string? exceptCampaignId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await IsNameTakenAsync(db, CampaignMapping.NormalizeName(name), exceptCampaignId, ct);
    }

    private static Task<bool> IsNameTakenAsync(DashboardDbContext db, string normalizedName, string? exceptCampaignId, CancellationToken ct) =>
        db.Campaigns.AnyAsync(c => c.NormalizedName == normalizedName && c.CampaignId != exceptCampaignId, ct);

    public async Task<CampaignForm?> GetFormAsync(string campaignId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = Key(campaignId);
        var entity = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.CampaignId == key, ct);
        return entity is null ? null : CampaignMapping.ToForm(entity);
    }

    public async Task<SaveResult> SaveAsync(CampaignForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);

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
            var key = Key(form.CampaignId);
            var existing = await db.Campaigns.FirstOrDefaultAsync(c => c.CampaignId == key, ct);
            if (existing is null)
            {
                return SaveResult.NotFound();
            }
            if (form.Version is not { } version || existing.Version != version)
            {
                return SaveResult.Conflict();
            }
            if (existing.Type != form.Type)
            {
                return SaveResult.NotAllowed("A campaign's type cannot change; create a new campaign of the other type instead.");
            }
            if (existing.Status == CampaignStatus.Archived)
            {
                return SaveResult.NotAllowed("An archived campaign cannot be edited; unarchive it first.");
            }
            entity = existing;
            // The update only applies if the row still holds the version this form was loaded with.
            db.Entry(entity).Property(c => c.Version).OriginalValue = version;
        }

        // A draft may be saved unfinished; a campaign that has been launched must stay complete.
        var level = entity.Status == CampaignStatus.Draft ? ValidationLevel.Draft : ValidationLevel.Launch;
        var errors = CampaignValidator.Validate(form, level);
        if (!errors.ContainsKey(CampaignFields.Name)
            && await IsNameTakenAsync(db, CampaignMapping.NormalizeName(form.Name), entity.CampaignId, ct))
        {
            errors.Add(CampaignFields.Name, NameTakenMessage(form.Name));
        }
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        CampaignMapping.Apply(form, entity);
        entity.UpdatedAt = time.GetUtcNow();
        entity.Version = Guid.NewGuid();
        return await SaveChangesAsync(db, entity, form.Name, ct);
    }

    public async Task<SaveResult> ChangeStatusAsync(string campaignId, CampaignAction action, Guid expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = Key(campaignId);
        var entity = await db.Campaigns.FirstOrDefaultAsync(c => c.CampaignId == key, ct);
        if (entity is null)
        {
            return SaveResult.NotFound();
        }
        if (entity.Version != expectedVersion)
        {
            return SaveResult.Conflict();
        }
        if (!CampaignLifecycle.ActionsFor(entity.Status).Contains(action))
        {
            return SaveResult.NotAllowed(NotAllowedMessage(action, entity.Status));
        }
        if (action == CampaignAction.Launch)
        {
            var errors = CampaignValidator.Validate(CampaignMapping.ToForm(entity));
            if (errors.Count > 0)
            {
                return SaveResult.Invalid(errors);
            }
        }

        entity.Status = CampaignLifecycle.Target(action, entity.EverLaunched);
        entity.EverLaunched |= action is CampaignAction.Launch or CampaignAction.Resume;
        entity.UpdatedAt = time.GetUtcNow();
        entity.Version = Guid.NewGuid();
        return await SaveChangesAsync(db, entity, entity.Name, ct);
    }

    public async Task<SaveResult> DuplicateAsync(string campaignId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = Key(campaignId);
        var source = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.CampaignId == key, ct);
        if (source is null)
        {
            return SaveResult.NotFound();
        }

        var form = CampaignMapping.ToForm(source);
        form.Name = await FreeCopyNameAsync(db, source.Name, ct);
        foreach (var channel in form.Channels.Where(c => c.MessageVariationId is not null))
        {
            channel.MessageVariationId = Ids.NewId();
        }
        foreach (var variant in form.Variants)
        {
            variant.VariationId = Ids.NewId();
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
        CampaignMapping.Apply(form, copy);
        db.Campaigns.Add(copy);
        return await SaveChangesAsync(db, copy, copy.Name, ct);
    }

    public async Task<SaveResult> DeleteAsync(string campaignId, Guid expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = Key(campaignId);
        var entity = await db.Campaigns.FirstOrDefaultAsync(c => c.CampaignId == key, ct);
        if (entity is null)
        {
            return SaveResult.NotFound();
        }
        if (entity.Version != expectedVersion)
        {
            return SaveResult.Conflict();
        }
        if (!CampaignLifecycle.CanDelete(entity.Status))
        {
            return SaveResult.NotAllowed($"Only drafts can be deleted; this campaign is {Describe(entity.Status)}. Archive it instead.");
        }
        db.Campaigns.Remove(entity);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict();
        }
        return SaveResult.Saved(entity.CampaignId, entity.Version);
    }

    // Campaign IDs are stored lower-case; one pasted in upper case still finds its campaign.
    private static string Key(string campaignId) => campaignId.Trim().ToLowerInvariant();

    public static string NameTakenMessage(string name) => $"Another campaign is already called “{name.Trim()}”.";

    private static async Task<SaveResult> SaveChangesAsync(DashboardDbContext db, CampaignEntity entity, string name, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict();
        }
        catch (DbUpdateException ex) when (IsUniqueNameViolation(ex))
        {
            // Another save took the name between our check and our write.
            var errors = new ValidationErrors();
            errors.Add(CampaignFields.Name, NameTakenMessage(name));
            return SaveResult.Invalid(errors);
        }
        return SaveResult.Saved(entity.CampaignId, entity.Version);
    }

    private static bool IsUniqueNameViolation(DbUpdateException ex) =>
        ex.InnerException is SqliteException { SqliteErrorCode: 19 } sqlite
        && sqlite.Message.Contains(nameof(CampaignEntity.NormalizedName), StringComparison.Ordinal);

    private static async Task<string> FreeCopyNameAsync(DashboardDbContext db, string name, CancellationToken ct)
    {
        for (var n = 1; ; n++)
        {
            var suffix = n == 1 ? " (copy)" : $" (copy {n})";
            var baseName = name.Length + suffix.Length > CampaignValidator.MaxNameLength
                ? name[..(CampaignValidator.MaxNameLength - suffix.Length)].TrimEnd()
                : name;
            var candidate = baseName + suffix;
            if (!await IsNameTakenAsync(db, CampaignMapping.NormalizeName(candidate), null, ct))
            {
                return candidate;
            }
        }
    }

    private static string NotAllowedMessage(CampaignAction action, CampaignStatus status)
    {
        var verb = action switch
        {
            CampaignAction.Launch => "launched",
            CampaignAction.Stop => "stopped",
            CampaignAction.Resume => "resumed",
            CampaignAction.Archive => "archived",
            CampaignAction.Unarchive => "unarchived",
            _ => action.ToString().ToLowerInvariant(),
        };
        var available = CampaignLifecycle.ActionsFor(status);
        return $"A campaign that is {Describe(status)} cannot be {verb}."
            + (available.Count > 0 ? $" Available actions: {string.Join(", ", available)}." : "");
    }

    private static string Describe(CampaignStatus status) => status switch
    {
        CampaignStatus.Draft => "a draft",
        CampaignStatus.Active => "active",
        CampaignStatus.Stopped => "stopped",
        CampaignStatus.Archived => "archived",
        _ => status.ToString(),
    };
}
