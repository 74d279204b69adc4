using System.Text;
using System.Text.Json;
using Dashboard.Campaigns;
using Dashboard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Preview;

/// <summary>Stores a campaign's sample data in SQLite; every method opens its own context.</summary>
public sealed class SampleDataService(IDbContextFactory<DashboardDbContext> dbFactory, TimeProvider time) : ISampleDataService
{
    public const int MaxNameLength = 100;

    /// <summary>Braze accepts at most 50 KB of trigger properties in one request.</summary>
    public const int MaxJsonBytes = 50 * 1024;

    public const string GeneratedName = "From templates";

    public async Task<CampaignSamples> ListAsync(string campaignId, CancellationToken ct = default)
    {
        var key = Key(campaignId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.CampaignSamples.AsNoTracking()
            .Where(s => s.CampaignId == key)
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

    public async Task<SampleSaveResult> SavePayloadAsync(string campaignId, SamplePayloadForm form, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        ValidateName(form.Name, errors);
        ValidateJson(form.Json, "trigger_properties", SampleFields.Json, errors);
        return await SaveAsync(campaignId, SampleKind.Payload, form.Id, form.Name, form.Version, errors,
            entity => entity.Json = form.Json ?? "", ct);
    }

    public async Task<SampleSaveResult> SaveConnectedContentAsync(string campaignId, SamplePayloadForm form, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        ValidateName(form.Name, errors);
        ValidateJson(form.Json, ConnectedContentResponses.What, SampleFields.Json, errors);
        if (!errors.ContainsKey(SampleFields.Json) && ConnectedContentResponses.Read(form.Json, out var error) is null)
        {
            errors[SampleFields.Json] = error!;
        }
        return await SaveAsync(campaignId, SampleKind.ConnectedContent, form.Id, form.Name, form.Version, errors,
            entity => entity.Json = form.Json ?? "", ct);
    }

    public async Task<SampleSaveResult> SaveUserAsync(string campaignId, SampleUserForm form, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        ValidateName(form.Name, errors);
        foreach (var (key, value) in form.Attributes)
        {
            if (!SampleUsers.IsStandard(key))
            {
                errors[SampleFields.Attribute(key)] = $"\"{key}\" is not a standard attribute; put it in the custom attributes.";
            }
            else if (key == "time_zone" && !string.IsNullOrWhiteSpace(value) && !TimeZoneInfo.TryFindSystemTimeZoneById(value.Trim(), out _))
            {
                errors[SampleFields.Attribute(key)] = $"\"{value.Trim()}\" is not a known time zone; use an IANA name such as Europe/Paris.";
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

    public async Task<SampleSaveResult> RenameAsync(string campaignId, SampleKind kind, int id, string name, Guid expectedVersion,
        CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        ValidateName(name, errors);
        return await SaveAsync(campaignId, kind, id, name, expectedVersion, errors, _ => { }, ct);
    }

    public async Task<SampleSaveResult> DuplicateAsync(string campaignId, SampleKind kind, int id, CancellationToken ct = default)
    {
        var key = Key(campaignId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await db.CampaignSamples.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.CampaignId == key && s.Kind == kind, ct);
        if (source is null)
        {
            return SampleSaveResult.NotFound(Gone(kind));
        }
        var name = await FreeNameAsync(db, key, kind, source.Name, n => n == 1 ? " (copy)" : $" (copy {n})", ct);
        var now = time.GetUtcNow();
        var copy = new CampaignSampleEntity
        {
            CampaignId = key,
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
        return await SaveChangesAsync(db, copy, ct);
    }

    public async Task<SampleSaveResult> DeleteAsync(string campaignId, SampleKind kind, int id, CancellationToken ct = default)
    {
        var key = Key(campaignId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deleted = await db.CampaignSamples.Where(s => s.Id == id && s.CampaignId == key && s.Kind == kind).ExecuteDeleteAsync(ct);
        return deleted == 0 ? SampleSaveResult.NotFound(Gone(kind)) : new SampleSaveResult(SaveOutcome.Saved, id);
    }

    public async Task<SampleSaveResult> GeneratePayloadAsync(CampaignForm campaign, CancellationToken ct = default)
    {
        if (campaign.CampaignId is null)
        {
            return SampleSaveResult.NotFound("Save the campaign first: sample payloads are kept with a saved campaign.");
        }
        var key = Key(campaign.CampaignId);
        string name;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            name = await FreeNameAsync(db, key, SampleKind.Payload, GeneratedName, n => n == 1 ? "" : $" {n}", ct);
        }
        return await SavePayloadAsync(campaign.CampaignId, new SamplePayloadForm { Name = name, Json = SamplePayloads.GenerateFor(campaign) }, ct);
    }

    private async Task<SampleSaveResult> SaveAsync(string campaignId, SampleKind kind, int? id, string name, Guid? expectedVersion,
        Dictionary<string, string> errors, Action<CampaignSampleEntity> apply, CancellationToken ct)
    {
        var key = Key(campaignId);
        var trimmed = (name ?? "").Trim();
        var normalized = Normalize(trimmed);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Campaigns.AnyAsync(c => c.CampaignId == key, ct))
        {
            return SampleSaveResult.NotFound($"No campaign has the ID \"{campaignId}\"; save the campaign before its samples.");
        }
        if (!errors.ContainsKey(SampleFields.Name)
            && await db.CampaignSamples.AnyAsync(s => s.CampaignId == key && s.Kind == kind && s.NormalizedName == normalized && s.Id != (id ?? 0), ct))
        {
            errors[SampleFields.Name] = NameTaken(kind, trimmed);
        }
        if (errors.Count > 0)
        {
            return SampleSaveResult.Invalid(errors);
        }

        var now = time.GetUtcNow();
        CampaignSampleEntity entity;
        if (id is { } existingId)
        {
            var found = await db.CampaignSamples.SingleOrDefaultAsync(s => s.Id == existingId && s.CampaignId == key && s.Kind == kind, ct);
            if (found is null)
            {
                return SampleSaveResult.NotFound(Gone(kind));
            }
            entity = found;
            if (expectedVersion is { } version)
            {
                db.Entry(entity).Property(e => e.Version).OriginalValue = version;
            }
        }
        else
        {
            entity = new CampaignSampleEntity { CampaignId = key, Kind = kind, CreatedAt = now };
            db.CampaignSamples.Add(entity);
        }
        entity.Name = trimmed;
        entity.NormalizedName = normalized;
        entity.UpdatedAt = now;
        entity.Version = Guid.NewGuid();
        apply(entity);
        return await SaveChangesAsync(db, entity, ct);
    }

    private static async Task<SampleSaveResult> SaveChangesAsync(DashboardDbContext db, CampaignSampleEntity entity, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SampleSaveResult.Conflict();
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 } sqlite
                                           && sqlite.Message.Contains(nameof(CampaignSampleEntity.NormalizedName), StringComparison.Ordinal))
        {
            // Another save took the name between the check and this write.
            return SampleSaveResult.Invalid(new Dictionary<string, string> { [SampleFields.Name] = NameTaken(entity.Kind, entity.Name) });
        }
        return SampleSaveResult.Saved(entity.Id, entity.Version);
    }

    private static void ValidateName(string? name, Dictionary<string, string> errors)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
        {
            errors[SampleFields.Name] = "Give the sample a name.";
        }
        else if (trimmed.Length > MaxNameLength)
        {
            errors[SampleFields.Name] = $"A sample's name has at most {MaxNameLength} characters; this one has {trimmed.Length}.";
        }
    }

    private static void ValidateJson(string? text, string what, string field, Dictionary<string, string> errors)
    {
        var bytes = Encoding.UTF8.GetByteCount(text ?? "");
        if (bytes > MaxJsonBytes)
        {
            errors[field] = $"The {what} hold {bytes:N0} bytes; Braze accepts at most {MaxJsonBytes:N0} (50 KB).";
            return;
        }
        if (SamplePayloads.Parse(text, what).Error is { } error)
        {
            errors[field] = error.ToString();
        }
    }

    private static async Task<string> FreeNameAsync(DashboardDbContext db, string campaignKey, SampleKind kind, string name,
        Func<int, string> suffixFor, CancellationToken ct)
    {
        var taken = (await db.CampaignSamples.AsNoTracking()
                .Where(s => s.CampaignId == campaignKey && s.Kind == kind)
                .Select(s => s.NormalizedName)
                .ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        for (var n = 1; ; n++)
        {
            var suffix = suffixFor(n);
            var baseName = name.Length + suffix.Length > MaxNameLength ? name[..(MaxNameLength - suffix.Length)].TrimEnd() : name;
            var candidate = baseName + suffix;
            if (!taken.Contains(Normalize(candidate)))
            {
                return candidate;
            }
        }
    }

    private static IReadOnlyDictionary<string, string> ReadAttributes(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new Dictionary<string, string>();

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

    private static string Key(string campaignId) => campaignId.Trim().ToLowerInvariant();

    internal static string Normalize(string name) => name.Trim().ToLowerInvariant();
}
