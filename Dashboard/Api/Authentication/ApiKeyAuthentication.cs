using BrazeLite.Core.ApiKeys;

namespace Dashboard.Api.Authentication;

/// <summary>
/// The REST API's own door: <c>Authorization: Bearer &lt;key&gt;</c> checked by <see cref="ApiKeyGate"/> before the rate
/// limiter, the endpoint's permission checked after it. The dashboard's cookie authentication never sees a REST request
/// (docs/decisions/0006).
/// </summary>
public static class ApiKeyAuthentication
{
    /// <summary>The key's ID, as the activity log and the rate limiter's partitions name it.</summary>
    public static string? KeyIdOf(HttpContext context) => context.Features.Get<ApiCaller>()?.Key.KeyId;

    /// <summary>Answers 401 for a REST request without a valid key, and otherwise records the key as the request's <see cref="ApiCaller"/>.</summary>
    public static IApplicationBuilder UseApiKeys(this IApplicationBuilder app) => app.UseMiddleware<ApiKeyGate>();

    /// <summary>Answers 403 <c>Access Denied</c> for a REST request whose key lacks the endpoint's permission.</summary>
    public static IApplicationBuilder UseApiPermissions(this IApplicationBuilder app) => app.UseMiddleware<ApiPermissionGate>();

    /// <summary>The endpoint answers only keys with <paramref name="permission"/>; others get 403 <c>Access Denied</c> naming it.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredPermission(permission));
}

/// <summary>Endpoint metadata naming the permission the endpoint needs, so a 403 can say which.</summary>
public sealed record RequiredPermission(string Permission);

/// <summary>The key a REST request came with, once <see cref="ApiKeyGate"/> has accepted it (a request feature).</summary>
public sealed record ApiCaller(ApiKey Key);
