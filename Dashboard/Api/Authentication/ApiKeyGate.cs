using BrazeLite.Core.ApiKeys;

namespace Dashboard.Api.Authentication;

/// <summary>
/// Reads <c>Authorization: Bearer &lt;key&gt;</c> on a REST request, finds the key and checks the client's address against
/// its allow-list. A failure is answered here with 401 and Braze's JSON error, never a redirect or an empty body.
/// </summary>
/// <remarks>
/// A middleware rather than an ASP.NET Core authentication scheme with authorization policies: the scheme's handler
/// resolution, a second authentication for the policy and the requirement evaluation cost about a tenth of the send
/// path's CPU per request (docs/decisions/0006).
/// </remarks>
public sealed partial class ApiKeyGate(RequestDelegate next, ApiKeyDirectory keys, ILogger<ApiKeyGate> logger)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>Runs in the REST endpoints' branch of the pipeline only (<see cref="BrazeApi.UseBrazeApi"/>).</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            await RefuseAsync(context, "Unauthorized: send your REST API key in the header Authorization: Bearer YOUR-REST-API-KEY.", "no Authorization header");
            return;
        }
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || header.Length == BearerPrefix.Length)
        {
            await RefuseAsync(context, "Unauthorized: the Authorization header must read Bearer YOUR-REST-API-KEY.", "malformed Authorization header");
            return;
        }
        var secret = header[BearerPrefix.Length..].Trim();
        if (secret.Length >= 2 && (secret[0] is '"' or '\'') && secret[^1] == secret[0])
        {
            await RefuseAsync(context, $"Invalid API key: {secret} (send the key without quotes)", "quoted key");
            return;
        }
        var client = context.Connection.RemoteIpAddress;
        var check = await keys.CheckAsync(secret, client, context.RequestAborted);
        switch (check.Outcome)
        {
            case ApiKeyCheckOutcome.Unknown:
                await RefuseAsync(context, $"Invalid API key: {secret}", $"unknown or revoked key starting {ApiKeySecrets.PrefixOf(secret)}");
                return;
            case ApiKeyCheckOutcome.AddressNotAllowed:
                await RefuseAsync(context, $"Unauthorized: this API key does not accept requests from {client}.",
                    $"key {check.Key!.KeyId} used from {client}, outside its allow-list");
                return;
        }
        context.Features.Set(new ApiCaller(check.Key!));
        await next(context);
    }

    private Task RefuseAsync(HttpContext context, string message, string logReason)
    {
        LogUnauthorized(logger, context.Request.Method, context.Request.Path, logReason);
        return new BrazeError(message).WriteAsync(context, StatusCodes.Status401Unauthorized);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "REST {Method} {Path} refused with 401: {Reason}")]
    private static partial void LogUnauthorized(ILogger logger, string method, string path, string reason);
}

/// <summary>Answers 403 <c>Access Denied</c>, naming the permission, when the request's key lacks the endpoint's <see cref="RequiredPermission"/>.</summary>
public sealed partial class ApiPermissionGate(RequestDelegate next, ILogger<ApiPermissionGate> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RequiredPermission>() is not { Permission: var permission })
        {
            return next(context);
        }
        if (context.Features.Get<ApiCaller>()?.Key is not { } key)
        {
            // Only an endpoint outside the REST group could get here without a key: refuse rather than let it through.
            return new BrazeError("Unauthorized").WriteAsync(context, StatusCodes.Status401Unauthorized);
        }
        if (key.Allows(permission))
        {
            return next(context);
        }
        LogForbidden(logger, key.KeyId, context.Request.Method, context.Request.Path, permission);
        return new BrazeError(BrazeError.AccessDenied, [$"This API key lacks the permission {permission}; edit its permissions under Settings > API keys."])
            .WriteAsync(context, StatusCodes.Status403Forbidden);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "REST {Method} {Path} refused with 403: key {KeyId} lacks {Permission}")]
    private static partial void LogForbidden(ILogger logger, string keyId, string method, string path, string permission);
}
