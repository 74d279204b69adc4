using BrazeLite.Core.ApiKeys.Storage;
using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Data;
using BrazeLite.Core.Accounts;
using BrazeLite.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BrazeLite.Core.ApiKeys;

/// <summary>Stores REST API keys (hashes only); every method opens its own context.</summary>
public sealed partial class ApiKeyService(
    IDbContextFactory<BrazeLiteDbContext> dbFactory,
    ApiKeyDirectory directory,
    ApiKeyUsage usage,
    TimeProvider time,
    ILogger<ApiKeyService> logger,
    IActorAccessor actors,
    AuditTrail audit) : IApiKeyService
{
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct = default)
    {
        if (actors.Refusal(Capability.ManageApiKeys) is not null)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.ApiKeys.AsNoTracking().ToListAsync(ct);
        return rows
            .Select(ApiKeyStorage.ToKey)
            .Select(k => usage.Pending(k.KeyId) is { } pending && pending > (k.LastUsedAt ?? DateTimeOffset.MinValue) ? k with { LastUsedAt = pending } : k)
            .OrderBy(k => k.Revoked)
            .ThenByDescending(k => k.CreatedAt)
            .ToList();
    }

    public async Task<ApiKeyWriteResult> CreateAsync(ApiKeyForm form, CancellationToken ct = default)
    {
        if (actors.Refusal(Capability.ManageApiKeys) is { } forbidden)
        {
            return ApiKeyWriteResult.NotAllowed(forbidden);
        }
        var errors = ApiKeyRules.Validate(form);
        if (errors.Count > 0)
        {
            LogRefused(logger, "create", form.Name, string.Join(" ", errors.Values.SelectMany(v => v)));
            return ApiKeyWriteResult.Invalid(errors);
        }
        var secret = ApiKeySecrets.NewSecret();
        var row = new ApiKeyEntity
        {
            KeyId = Ids.NewId(),
            Name = form.Name.Trim(),
            SecretHash = ApiKeySecrets.Hash(secret),
            Prefix = ApiKeySecrets.PrefixOf(secret),
            Permissions = ApiKeyStorage.Permissions(form.Permissions),
            AllowedIps = ApiKeyStorage.AllowedIps(ClientAddresses.Split(form.AllowedIps)),
            CreatedAt = time.GetUtcNow(),
            Version = Guid.NewGuid(),
        };
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.ApiKeys.Add(row);
            audit.Record(db, AuditArea.ApiKey, "API key created", row.KeyId, row.Name, changes: FieldDiff.Between(null, Audited(row)));
            await db.SaveChangesAsync(ct);
        }
        directory.Invalidate();
        LogCreated(logger, row.KeyId, row.Name, row.Permissions);
        return ApiKeyWriteResult.Done(ApiKeyStorage.ToKey(row), secret);
    }

    public async Task<ApiKeyWriteResult> UpdateAsync(string keyId, ApiKeyForm form, CancellationToken ct = default)
    {
        if (actors.Refusal(Capability.ManageApiKeys) is { } forbidden)
        {
            return ApiKeyWriteResult.NotAllowed(forbidden);
        }
        var errors = ApiKeyRules.Validate(form);
        if (errors.Count > 0)
        {
            LogRefused(logger, "update", keyId, string.Join(" ", errors.Values.SelectMany(v => v)));
            return ApiKeyWriteResult.Invalid(errors);
        }
        return await WriteAsync(keyId, form.Version, "update", row =>
        {
            row.Name = form.Name.Trim();
            row.Permissions = ApiKeyStorage.Permissions(form.Permissions);
            row.AllowedIps = ApiKeyStorage.AllowedIps(ClientAddresses.Split(form.AllowedIps));
        }, ct);
    }

    public Task<ApiKeyWriteResult> RevokeAsync(string keyId, Guid version, CancellationToken ct = default) =>
        actors.Refusal(Capability.ManageApiKeys) is { } forbidden
            ? Task.FromResult(ApiKeyWriteResult.NotAllowed(forbidden))
            : WriteAsync(keyId, version, "revoke", row => row.RevokedAt = time.GetUtcNow(), ct);

    private static object Audited(ApiKeyEntity row) => new { row.Name, row.Permissions, AllowedAddresses = row.AllowedIps };

    private async Task<ApiKeyWriteResult> WriteAsync(string keyId, Guid? version, string what, Action<ApiKeyEntity> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.ApiKeys.SingleOrDefaultAsync(k => k.KeyId == Ids.Key(keyId), ct);
        if (row is null)
        {
            return ApiKeyWriteResult.NotFound();
        }
        if (row.ProvisionedName is not null)
        {
            LogRefused(logger, what, keyId, "provisioned");
            return ApiKeyWriteResult.NotAllowed(
                $"\"{row.Name}\" is provisioned from configuration (ApiKeys:Provisioned): change it there; it is applied at the next start.");
        }
        if (row.RevokedAt is not null)
        {
            LogRefused(logger, what, keyId, "revoked");
            return ApiKeyWriteResult.NotAllowed($"\"{row.Name}\" is revoked: create a new key instead.");
        }
        if (version != row.Version)
        {
            LogRefused(logger, what, keyId, "stale version");
            return ApiKeyWriteResult.Conflict();
        }
        var before = Audited(row);
        change(row);
        row.Version = Guid.NewGuid();
        audit.Record(db, AuditArea.ApiKey, what == "revoke" ? "API key revoked" : "API key edited", row.KeyId, row.Name,
            changes: what == "revoke" ? [] : FieldDiff.Between(before, Audited(row)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            LogRefused(logger, what, keyId, "changed meanwhile");
            return ApiKeyWriteResult.Conflict();
        }
        directory.Invalidate();
        LogChanged(logger, what, keyId, row.Name);
        return ApiKeyWriteResult.Done(ApiKeyStorage.ToKey(row));
    }

    public async Task ProvisionAsync(IReadOnlyList<ProvisionedApiKey> keys, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.ApiKeys.Where(k => k.ProvisionedName != null).ToDictionaryAsync(k => k.ProvisionedName!, StringComparer.Ordinal, ct);
        var now = time.GetUtcNow();
        foreach (var key in keys)
        {
            var hash = ApiKeySecrets.Hash(key.Key);
            var permissions = ApiKeyStorage.Permissions(key.GrantedPermissions());
            var allowed = ApiKeyStorage.AllowedIps(key.AllowedIps.Select(a => a.Trim()));
            if (!existing.Remove(key.Name, out var row))
            {
                db.ApiKeys.Add(new ApiKeyEntity
                {
                    KeyId = Ids.NewId(),
                    Name = key.Name,
                    ProvisionedName = key.Name,
                    SecretHash = hash,
                    Prefix = ApiKeySecrets.PrefixOf(key.Key),
                    Permissions = permissions,
                    AllowedIps = allowed,
                    CreatedAt = now,
                    Version = Guid.NewGuid(),
                });
                LogProvisioned(logger, key.Name, "created");
                continue;
            }
            if (row.SecretHash != hash || row.Permissions != permissions || row.AllowedIps != allowed || row.RevokedAt is not null)
            {
                row.SecretHash = hash;
                row.Prefix = ApiKeySecrets.PrefixOf(key.Key);
                row.Permissions = permissions;
                row.AllowedIps = allowed;
                row.RevokedAt = null;
                row.Version = Guid.NewGuid();
                LogProvisioned(logger, key.Name, "updated");
            }
        }
        foreach (var gone in existing.Values.Where(r => r.RevokedAt is null))
        {
            gone.RevokedAt = now;
            gone.Version = Guid.NewGuid();
            LogProvisioned(logger, gone.ProvisionedName!, "revoked: no longer in ApiKeys:Provisioned");
        }
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
    }

    public async Task FlushUsageAsync(CancellationToken ct = default)
    {
        var uses = usage.Drain();
        if (uses.Count == 0)
        {
            return;
        }
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            foreach (var (keyId, at) in uses)
            {
                await db.ApiKeys.Where(k => k.KeyId == keyId && (k.LastUsedAt == null || k.LastUsedAt < at))
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, at), ct);
            }
        }
        catch
        {
            // Put them back so the next flush writes them.
            foreach (var (keyId, at) in uses)
            {
                usage.Record(keyId, at);
            }
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} \"{Name}\" created with {Permissions}")]
    private static partial void LogCreated(ILogger logger, string keyId, string name, string permissions);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} \"{Name}\": {What} done")]
    private static partial void LogChanged(ILogger logger, string what, string keyId, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {What} of {KeyId} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string what, string keyId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provisioned API key \"{Name}\" {What}")]
    private static partial void LogProvisioned(ILogger logger, string name, string what);
}
