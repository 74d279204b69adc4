using BrazeLite.Core.ApiKeys;
using Microsoft.AspNetCore.Authentication;

namespace Dashboard.Api.Authentication;

/// <summary>The REST API's own scheme: <c>Authorization: Bearer &lt;key&gt;</c>, one authorization policy per permission.</summary>
public static class ApiKeyAuthentication
{
    public const string Scheme = "BrazeApiKey";
    public const string PermissionClaim = "permission";
    public const string KeyIdClaim = "api_key_id";

    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(Scheme, null);
        services.AddAuthorization(o =>
        {
            foreach (var (permission, _) in ApiPermissions.All)
            {
                o.AddPolicy(permission, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireClaim(PermissionClaim, permission));
            }
        });
        return services;
    }

    /// <summary>The endpoint answers only keys with <paramref name="permission"/>; others get 403 <c>Access Denied</c> naming it.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(permission).WithMetadata(new RequiredPermission(permission));
}

/// <summary>Endpoint metadata naming the permission the endpoint needs, so a 403 can say which.</summary>
public sealed record RequiredPermission(string Permission);
