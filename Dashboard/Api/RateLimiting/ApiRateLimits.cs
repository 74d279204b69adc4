using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Dashboard.Api.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dashboard.Api.RateLimiting;

/// <summary>
/// Rate limits per key through ASP.NET Core's rate limiter, one policy per class of endpoint, and the
/// <c>X-RateLimit-*</c> headers on every REST answer (present but empty when no key was recognised, as Braze does).
/// </summary>
public static class ApiRateLimits
{
    public const string Send = "send";
    public const string UsersTrack = "users.track";
    public const string SendIds = "sends.id.create";
    public const string Broadcast = "broadcast";
    public const string DataSeries = "campaigns.data_series";
    public const string Default = "default";

    /// <summary>The limiter that counted this request, for the headers.</summary>
    private sealed record Counted(ClockWindowRateLimiter Limiter);

    /// <summary>Marks the endpoints whose answers carry the headers.</summary>
    public sealed record Marker;

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services)
    {
        services.AddOptions<ApiRateLimitOptions>().BindConfiguration(ApiRateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Limiters>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                await new BrazeError(BrazeError.RateLimited, ["This API key sent more requests than its limit allows in this window; try again after X-RateLimit-Reset."])
                    .WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests);
            };
            foreach (var policy in new[] { Send, UsersTrack, SendIds, DataSeries, Default })
            {
                o.AddPolicy(policy, context => Partition(context, policy));
            }
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, string policy)
    {
        var keyId = ApiKeyAuthentication.KeyIdOf(context);
        if (keyId is null)
        {
            // Not a REST request (the key gate has answered every REST request without a key): nothing is counted.
            return RateLimitPartition.GetNoLimiter("");
        }
        var limiter = context.RequestServices.GetRequiredService<Limiters>().For(policy, keyId);
        context.Features.Set(new Counted(limiter));
        return RateLimitPartition.Get($"{policy}:{keyId}", _ => limiter);
    }

    /// <summary>
    /// Counts a broadcast against its own limit (the request has passed the send limit already; only its body says it is
    /// a broadcast). False when over the limit; the answer's headers then describe the broadcast limit.
    /// </summary>
    public static bool TryAcquireBroadcast(HttpContext context)
    {
        var keyId = ApiKeyAuthentication.KeyIdOf(context) ?? "";
        var limiter = context.RequestServices.GetRequiredService<Limiters>().For(Broadcast, keyId);
        context.Features.Set(new Counted(limiter));
        using var lease = limiter.AttemptAcquire();
        if (!lease.IsAcquired && lease.TryGetMetadata(MetadataName.RetryAfter, out var after))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        return lease.IsAcquired;
    }

    /// <summary>Writes the rate-limit headers on the answer (the REST endpoints' branch of the pipeline uses it), errors included.</summary>
    public static IApplicationBuilder UseRateLimitHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(WriteHeaders, context);
        return next(context);
    });

    private static Task WriteHeaders(object state)
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        if (context.Features.Get<Counted>() is { Limiter: var limiter })
        {
            headers["X-RateLimit-Limit"] = limiter.PermitLimit.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = Math.Max(0, limiter.Remaining).ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset"] = limiter.WindowEnd.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            headers["X-RateLimit-Limit"] = "";
            headers["X-RateLimit-Remaining"] = "";
            headers["X-RateLimit-Reset"] = "";
        }
        return Task.CompletedTask;
    }

    /// <summary>One limiter per policy and key, for the process's life.</summary>
    private sealed class Limiters(IOptions<ApiRateLimitOptions> options, TimeProvider time)
    {
        private readonly ConcurrentDictionary<(string Policy, string KeyId), ClockWindowRateLimiter> _limiters = new();

        public ClockWindowRateLimiter For(string policy, string keyId) => _limiters.GetOrAdd((policy, keyId), k =>
        {
            var limit = k.Policy switch
            {
                Send => options.Value.Send,
                UsersTrack => options.Value.UsersTrack,
                SendIds => options.Value.SendIds,
                Broadcast => options.Value.Broadcast,
                DataSeries => options.Value.DataSeries,
                _ => options.Value.Default,
            };
            return new ClockWindowRateLimiter(limit.Limit, limit.Window, time);
        });
    }
}
