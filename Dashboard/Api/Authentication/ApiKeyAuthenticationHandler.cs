using System.Security.Claims;
using System.Text.Encodings.Web;
using BrazeLite.Core.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dashboard.Api.Authentication;

/// <summary>
/// Reads <c>Authorization: Bearer &lt;key&gt;</c>, finds the key and checks the client's address against its allow-list.
/// Failures answer 401 and a missing permission 403, each as Braze's JSON error, never a redirect or an empty body.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyDirectory keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>Why authentication failed, kept for the challenge that answers it; the log reason never holds the key.</summary>
    private sealed record Failure(string Message, string LogReason);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return Fail("Unauthorized: send your REST API key in the header Authorization: Bearer YOUR-REST-API-KEY.", "no Authorization header");
        }
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || header.Length == BearerPrefix.Length)
        {
            return Fail("Unauthorized: the Authorization header must read Bearer YOUR-REST-API-KEY.", "malformed Authorization header");
        }
        var secret = header[BearerPrefix.Length..].Trim();
        if (secret.Length >= 2 && (secret[0] is '"' or '\'') && secret[^1] == secret[0])
        {
            return Fail($"Invalid API key: {secret} (send the key without quotes)", "quoted key");
        }
        var check = await keys.CheckAsync(secret, Context.Connection.RemoteIpAddress, Context.RequestAborted);
        switch (check.Outcome)
        {
            case ApiKeyCheckOutcome.Unknown:
                return Fail($"Invalid API key: {secret}", $"unknown or revoked key starting {ApiKeySecrets.PrefixOf(secret)}");
            case ApiKeyCheckOutcome.AddressNotAllowed:
                return Fail($"Unauthorized: this API key does not accept requests from {Context.Connection.RemoteIpAddress}.",
                    $"key {check.Key!.KeyId} used from {Context.Connection.RemoteIpAddress}, outside its allow-list");
        }
        var key = check.Key!;
        var claims = new List<Claim> { new(KeyIdClaim, key.KeyId), new(ClaimTypes.Name, key.Name) };
        claims.AddRange(key.Permissions.Select(p => new Claim(ApiKeyAuthentication.PermissionClaim, p)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyAuthentication.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeyAuthentication.Scheme));
    }

    private const string KeyIdClaim = ApiKeyAuthentication.KeyIdClaim;

    private AuthenticateResult Fail(string message, string logReason)
    {
        Context.Features.Set(new Failure(message, logReason));
        return AuthenticateResult.Fail(logReason);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = Context.Features.Get<Failure>() ?? new Failure("Unauthorized", "not authenticated");
        LogUnauthorized(Logger, Request.Method, Request.Path, failure.LogReason);
        return new BrazeError(failure.Message).WriteAsync(Context, StatusCodes.Status401Unauthorized);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var permission = Context.GetEndpoint()?.Metadata.GetMetadata<RequiredPermission>()?.Permission;
        var keyId = Context.User.FindFirst(KeyIdClaim)?.Value ?? "(none)";
        LogForbidden(Logger, keyId, Request.Method, Request.Path, permission ?? "(unnamed)");
        return new BrazeError(BrazeError.AccessDenied,
                permission is null ? null : [$"This API key lacks the permission {permission}; edit its permissions under Settings > API keys."])
            .WriteAsync(Context, StatusCodes.Status403Forbidden);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "REST {Method} {Path} refused with 401: {Reason}")]
    private static partial void LogUnauthorized(ILogger logger, string method, string path, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "REST {Method} {Path} refused with 403: key {KeyId} lacks {Permission}")]
    private static partial void LogForbidden(ILogger logger, string keyId, string method, string path, string permission);
}
