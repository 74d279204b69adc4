namespace BrazeLite.Core.ApiKeys;

/// <summary>The keys page's service: list, create (the secret is returned once), edit, revoke; and start-up provisioning.</summary>
public interface IApiKeyService
{
    /// <summary>Every key, active ones first, newest first; the last use includes uses not yet written.</summary>
    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct = default);

    Task<ApiKeyWriteResult> CreateAsync(ApiKeyForm form, CancellationToken ct = default);

    /// <summary>Renames a key, or changes its permissions or allow-list; provisioned and revoked keys refuse.</summary>
    Task<ApiKeyWriteResult> UpdateAsync(string keyId, ApiKeyForm form, CancellationToken ct = default);

    /// <summary>Revokes a key: requests with it get 401 from then on. Provisioned keys refuse (remove them from configuration).</summary>
    Task<ApiKeyWriteResult> RevokeAsync(string keyId, Guid version, CancellationToken ct = default);

    /// <summary>Applies <c>ApiKeys:Provisioned</c>: creates or updates each listed key, revokes provisioned keys no longer listed.</summary>
    Task ProvisionAsync(IReadOnlyList<ProvisionedApiKey> keys, CancellationToken ct = default);

    /// <summary>Writes the pending last-use times.</summary>
    Task FlushUsageAsync(CancellationToken ct = default);
}
