using System.Text;
using System.Text.Json;
using BrazeLite.Core.Accounts;
using BrazeLite.Core.Audit;
using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Campaigns.Storage;
using BrazeLite.Core.Data;
using BrazeLite.Core.Samples.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BrazeLite.Core.Samples;

/// <summary>
/// Stores a campaign's samples; every method opens its own context. Writes need a role that may edit samples and
/// are recorded in the campaign's history.
/// </summary>
public sealed partial class SampleDataService(
    IDbContextFactory<BrazeLiteDbContext> dbFactory,
    TemplateRules templateRules,
    TimeProvider time,
    ILogger<SampleDataService> logger,
    IActorAccessor actors,
    AuditTrail audit) : ISampleDataService
{
    public const string GeneratedName = "From templates";

    public async Task<CampaignSamples> ListAsync(string campaignId, CancellationToken ct = default)
    {
        var key = Ids.Key(campaignId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.CampaignSamples.AsNoTracking()
            .Where(s => s.Campaign!.CampaignId == key)
            .OrderBy(s => s.Id)
            .ToListAsync(ct);
        return new CampaignSamples(
            rows.Where(r => r.Kind == SampleKind.Payload).Select(r => new SamplePayload(r.Id, r.Name, r.Json, r.Version)).ToList(),
            rows.Where(r => r.Kind == SampleKind.User)
                .Select(r => new SampleUser(r.Id, r.Name, ReadAttributes(r.Attributes), r.Json, r.Version)).ToList())
        {
            ConnectedContent = rows.Where(r => r.Kind == SampleKind.ConnectedContent)
                .Select(r => new SamplePayload(r.Id, r.Name, r.Json, r.Version)).ToList(),
        };
    }

    public async Task<SampleWriteResult> SavePayloadAsync(string campaignId, SamplePayloadForm form, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        ValidateName(form.Name, errors);
        ValidateJson(form.Json, "trigger_properties", SampleFields.Json, errors);
        return await SaveAsync(campaignId, SampleKind.Payload, form.Id, form.Name, form.Version, errors,
            entity => entity.Json = form.Json ?? "", ct);
    }

    public async Task<SampleWriteResult> SaveConnectedContentAsync(string campaignId, SamplePayloadForm form, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        ValidateName(form.Name, errors);
        ValidateJson(form.Json, ConnectedContentResponses.What, SampleFields.Json, errors);
        if (!errors.ContainsKey(SampleFields.Json) && ConnectedContentResponses.Read(form.Json, out var error) is null)
        {
            errors.Add(SampleFields.Json, error!);
        }
        return await SaveAsync(campaignId, SampleKind.ConnectedContent, form.Id, form.Name, form.Version, errors,
            entity => entity.Json = form.Json ?? "", ct);
    }

    public async Task<SampleWriteResult> SaveUserAsync(string campaignId, SampleUserForm form, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        ValidateName(form.Name, errors);
        foreach (var (key, value) in form.Attributes)
        {
            if (!SampleUsers.IsStandard(key))
            {
                errors.Add(SampleFields.Attribute(key), $"\"{key}\" is not a standard attribute; put it in the custom attributes.");
            }
            else if (key == "time_zone" && !string.IsNullOrWhiteSpace(value) && !TimeZoneInfo.TryFindSystemTimeZoneById(value.Trim(), out _))
            {
                errors.Add(SampleFields.Attribute(key), $"\"{value.Trim()}\" is not a known time zone; use an IANA name such as Europe/Paris.");
            }
        }
        ValidateJson(form.CustomAttributesJson, "custom attributes", SampleFields.CustomAttributes, errors);
        var attributes = JsonSerializer.Serialize(form.Attributes
            .Where(a => !string.IsNullOrWhiteSpace(a.Value))
            .ToDictionary(a => a.Key, a => a.Value.Trim(), StringComparer.Ordinal));
        return await SaveAsync(campaignId, SampleKind.User, form.Id, form.Name, form.Version, errors, entity =>
        {
            entity.Attributes = attributes;
            entity.Json = form.CustomAttributesJson ?? "";
        }, ct);
    }

    public async Task<SampleWriteResult> RenameAsync(string campaignId, SampleKind kind, int id, string name, Guid expectedVersion,
        CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        ValidateName(name, errors);
        return await SaveAsync(campaignId, kind, id, name, expectedVersion, errors, _ => { }, ct);
    }

    public async Task<SampleWriteResult> DuplicateAsync(string campaignId, SampleKind kind, int id, CancellationToken ct = default)
    {
        if (actors.Refusal(Capability.EditSamples) is { } forbidden)
        {
            return SampleWriteResult.NotAllowed(forbidden);
        }
        var key = Ids.Key(campaignId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await db.CampaignSamples.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == id && s.Campaign!.CampaignId == key && s.Kind == kind, ct);
        if (source is null)
        {
            return SampleWriteResult.NotFound(Gone(kind));
        }
        var name = await FreeNameAsync(db, source.CampaignRowId, kind, source.Name, n => n == 1 ? " (copy)" : $" (copy {n})", ct);
        var now = time.GetUtcNow();
        var copy = new CampaignSampleEntity
        {
            CampaignRowId = source.CampaignRowId,
            Kind = kind,
            Name = name,
            NormalizedName = Normalize(name),
            Json = source.Json,
            Attributes = source.Attributes,
            CreatedAt = now,
            UpdatedAt = now,
            Version = Guid.NewGuid(),
        };
        db.CampaignSamples.Add(copy);
        audit.Record(db, AuditArea.Sample, "Sample copied", key, $"{Describe(kind)} “{name}”", key,
            comment: $"A copy of “{source.Name}”.");
        return await SaveChangesAsync(db, copy, key, ct);
    }

    public async Task<SampleWriteResult> DeleteAsync(string campaignId, SampleKind kind, int id, Guid expectedVersion, CancellationToken ct = default)
    {
        if (actors.Refusal(Capability.EditSamples) is { } forbidden)
        {
            return SampleWriteResult.NotAllowed(forbidden);
        }
        var key = Ids.Key(campaignId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var name = await db.CampaignSamples.Where(s => s.Id == id && s.Campaign!.CampaignId == key && s.Kind == kind)
            .Select(s => s.Name).FirstOrDefaultAsync(ct);
        var deleted = await db.CampaignSamples
            .Where(s => s.Id == id && s.Campaign!.CampaignId == key && s.Kind == kind && s.Version == expectedVersion)
            .ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            audit.Record(db, AuditArea.Sample, "Sample deleted", key, $"{Describe(kind)} “{name}”", key);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            LogDeleted(key, kind, id);
            return new SampleWriteResult(WriteOutcome.Done, id);
        }
        // Nothing matched: the sample is gone, or someone changed it since the caller read it.
        var exists = await db.CampaignSamples.AnyAsync(s => s.Id == id && s.Campaign!.CampaignId == key && s.Kind == kind, ct);
        return exists ? SampleWriteResult.Conflict() : SampleWriteResult.NotFound(Gone(kind));
    }

    public async Task<SampleWriteResult> GeneratePayloadAsync(Campaign campaign, CancellationToken ct = default)
    {
        if (campaign.CampaignId.Length == 0)
        {
            return SampleWriteResult.NotFound("Save the campaign first: sample payloads are kept with a saved campaign.");
        }
        var key = Ids.Key(campaign.CampaignId);
        string name;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var rowId = await CampaignRowIdAsync(db, key, ct);
            if (rowId is null)
            {
                return SampleWriteResult.NotFound(NoCampaign(campaign.CampaignId));
            }
            name = await FreeNameAsync(db, rowId.Value, SampleKind.Payload, GeneratedName, n => n == 1 ? "" : $" {n}", ct);
        }
        var json = TriggerProperties.SampleJson(templateRules.TriggerPropertyPaths(campaign));
        return await SavePayloadAsync(campaign.CampaignId, new SamplePayloadForm { Name = name, Json = json }, ct);
    }

    private async Task<SampleWriteResult> SaveAsync(string campaignId, SampleKind kind, int? id, string name, Guid? expectedVersion,
        ValidationErrors errors, Action<CampaignSampleEntity> apply, CancellationToken ct)
    {
        if (actors.Refusal(Capability.EditSamples) is { } forbidden)
        {
            return SampleWriteResult.NotAllowed(forbidden);
        }
        var key = Ids.Key(campaignId);
        var trimmed = (name ?? "").Trim();
        var normalized = Normalize(trimmed);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await CampaignRowIdAsync(db, key, ct) is not { } campaignRowId)
        {
            return SampleWriteResult.NotFound(NoCampaign(campaignId));
        }
        if (!errors.ContainsKey(SampleFields.Name)
            && await db.CampaignSamples.AnyAsync(s => s.CampaignRowId == campaignRowId && s.Kind == kind && s.NormalizedName == normalized && s.Id != (id ?? 0), ct))
        {
            errors.Add(SampleFields.Name, NameTaken(kind, trimmed));
        }
        if (errors.Count > 0)
        {
            LogRefused(key, kind, string.Join("; ", errors.Keys));
            return SampleWriteResult.Invalid(errors);
        }

        var now = time.GetUtcNow();
        CampaignSampleEntity entity;
        if (id is { } existingId)
        {
            var found = await db.CampaignSamples.SingleOrDefaultAsync(s => s.Id == existingId && s.CampaignRowId == campaignRowId && s.Kind == kind, ct);
            if (found is null)
            {
                return SampleWriteResult.NotFound(Gone(kind));
            }
            // As for campaigns: an update names the version it read, and only applies while the row still has it.
            if (expectedVersion is not { } version || found.Version != version)
            {
                return SampleWriteResult.Conflict();
            }
            entity = found;
            db.Entry(entity).Property(e => e.Version).OriginalValue = version;
        }
        else
        {
            entity = new CampaignSampleEntity { CampaignRowId = campaignRowId, Kind = kind, CreatedAt = now };
            db.CampaignSamples.Add(entity);
        }
        var before = id is null ? null : Audited(entity);
        entity.Name = trimmed;
        entity.NormalizedName = normalized;
        entity.UpdatedAt = now;
        entity.Version = Guid.NewGuid();
        apply(entity);
        var changes = FieldDiff.Between(before, Audited(entity));
        if (before is null || changes.Count > 0)
        {
            audit.Record(db, AuditArea.Sample, before is null ? "Sample created" : "Sample edited", key, $"{Describe(kind)} “{trimmed}”", key,
                before is null ? [] : changes);
        }
        return await SaveChangesAsync(db, entity, key, ct);
    }

    private static object Audited(CampaignSampleEntity e) =>
        e.Kind == SampleKind.User ? new { e.Name, e.Attributes, CustomAttributes = e.Json } : new { e.Name, e.Json };

    private static string Describe(SampleKind kind) => kind switch
    {
        SampleKind.Payload => "Sample payload",
        SampleKind.User => "Sample user",
        _ => "Sample connected content",
    };

    private static Task<int?> CampaignRowIdAsync(BrazeLiteDbContext db, string campaignKey, CancellationToken ct) =>
        db.Campaigns.Where(c => c.CampaignId == campaignKey).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);

    private async Task<SampleWriteResult> SaveChangesAsync(BrazeLiteDbContext db, CampaignSampleEntity entity, string campaignKey, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SampleWriteResult.Conflict();
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex, nameof(CampaignSampleEntity.NormalizedName)))
        {
            // Another save took the name between the check and this write.
            var errors = new ValidationErrors();
            errors.Add(SampleFields.Name, NameTaken(entity.Kind, entity.Name));
            return SampleWriteResult.Invalid(errors);
        }
        LogSaved(campaignKey, entity.Kind, entity.Id, entity.Name);
        return SampleWriteResult.Done(entity.Id, entity.Version);
    }

    private static void ValidateName(string? name, ValidationErrors errors)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
        {
            errors.Add(SampleFields.Name, "Give the sample a name.");
        }
        else if (trimmed.Length > CampaignSamples.MaxNameLength)
        {
            errors.Add(SampleFields.Name, $"A sample's name has at most {CampaignSamples.MaxNameLength} characters; this one has {trimmed.Length}.");
        }
    }

    private static void ValidateJson(string? text, string what, string field, ValidationErrors errors)
    {
        var bytes = Encoding.UTF8.GetByteCount(text ?? "");
        if (bytes > CampaignSamples.MaxJsonBytes)
        {
            errors.Add(field, $"The {what} hold {bytes:N0} bytes; Braze accepts at most {CampaignSamples.MaxJsonBytes:N0} (50 KB).");
            return;
        }
        if (SamplePayloads.Parse(text, what).Error is { } error)
        {
            errors.Add(field, error.ToString());
        }
    }

    private static async Task<string> FreeNameAsync(BrazeLiteDbContext db, int campaignRowId, SampleKind kind, string name,
        Func<int, string> suffixFor, CancellationToken ct)
    {
        var taken = (await db.CampaignSamples.AsNoTracking()
                .Where(s => s.CampaignRowId == campaignRowId && s.Kind == kind)
                .Select(s => s.NormalizedName)
                .ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        for (var n = 1; ; n++)
        {
            var suffix = suffixFor(n);
            var baseName = name.Length + suffix.Length > CampaignSamples.MaxNameLength ? name[..(CampaignSamples.MaxNameLength - suffix.Length)].TrimEnd() : name;
            var candidate = baseName + suffix;
            if (!taken.Contains(Normalize(candidate)))
            {
                return candidate;
            }
        }
    }

    private static IReadOnlyDictionary<string, string> ReadAttributes(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new Dictionary<string, string>();

    private static string NoCampaign(string campaignId) => $"No campaign has the ID \"{campaignId}\"; save the campaign before its samples.";

    private static string NameTaken(SampleKind kind, string name) =>
        $"This campaign already has a sample {KindName(kind)} called \"{name}\"; choose another name.";

    private static string Gone(SampleKind kind) =>
        $"That sample {KindName(kind)} no longer exists; someone may have deleted it.";

    private static string KindName(SampleKind kind) => kind switch
    {
        SampleKind.Payload => "payload",
        SampleKind.User => "user",
        _ => "connected_content response set",
    };

    internal static string Normalize(string name) => name.Trim().ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: sample {Kind} {SampleId} \"{Name}\" saved")]
    private partial void LogSaved(string campaignId, SampleKind kind, int sampleId, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: sample {Kind} {SampleId} deleted")]
    private partial void LogDeleted(string campaignId, SampleKind kind, int sampleId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId}: sample {Kind} refused: {Fields}")]
    private partial void LogRefused(string campaignId, SampleKind kind, string fields);
}
