using BrazeLite.Core.ApiKeys;
using Dashboard.Api.Ajo;
using Dashboard.Api.Authentication;
using Dashboard.Api.Campaigns;
using Dashboard.Api.ContentCards;
using Dashboard.Api.RateLimiting;
using Dashboard.Api.Sends;
using Dashboard.Api.Users;
using Dashboard.Preview;

namespace Dashboard.Api;

/// <summary>
/// The REST API: Braze's paths at the root of the host (docs/decisions/0006), bearer keys only (the dashboard's own
/// authentication never applies here), a permission and a rate limit per endpoint, Braze's JSON errors.
/// </summary>
public static class BrazeApi
{
    public static IServiceCollection AddBrazeApi(this IServiceCollection services)
    {
        services.AddApiRateLimits();
        return services;
    }

    /// <summary>The middleware the REST answers need, in order: JSON errors, then (REST endpoints only) rate-limit headers, key, limit, permission.</summary>
    public static WebApplication UseBrazeApi(this WebApplication app)
    {
        app.UseWhen(ApiRequests.IsApiRequest, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = context => new BrazeError(BrazeError.InternalServerError).WriteAsync(context, StatusCodes.Status500InternalServerError),
            });
            // An unknown URL, or a known one with the wrong method, is Braze's 404 "Not Found" (a 405 would come from the
            // pages' GET-only routes, which a REST client has no business with).
            api.UseStatusCodePages(context => context.HttpContext.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed =>
                    new BrazeError(BrazeError.NotFound, [$"No REST endpoint answers {context.HttpContext.Request.Method} {context.HttpContext.Request.Path}."])
                        .WriteAsync(context.HttpContext, StatusCodes.Status404NotFound),
                var status => new BrazeError(ReasonPhrase(status)).WriteAsync(context.HttpContext, status),
            });
        });
        // Everything else a REST request meets is in one branch: the pages' middleware never runs for it (UseAccounts).
        app.UseWhen(IsRestEndpoint, rest =>
        {
            rest.UseRateLimitHeaders();
            rest.UseApiKeys();
            rest.UseRateLimiter();
            rest.UseApiPermissions();
        });
        return app;
    }

    /// <summary>The request was routed to one of the REST endpoints (the group mapped by <see cref="MapBrazeApi"/>).</summary>
    public static bool IsRestEndpoint(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<ApiRateLimits.Marker>() is not null;

    public static IEndpointRouteBuilder MapBrazeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("")
            .WithMetadata(new ApiRateLimits.Marker())
            .DisableAntiforgery()
            .WithTags("REST API");

        api.MapPost("/campaigns/trigger/send", TriggerSendEndpoint.HandleAsync)
            .WithName("TriggerSend")
            .RequirePermission(ApiPermissions.CampaignsTriggerSend)
            .RequireRateLimiting(ApiRateLimits.Send);

        api.MapPost("/messages/send", MessagesSendEndpoint.HandleAsync)
            .WithName("MessagesSend")
            .RequirePermission(ApiPermissions.MessagesSend)
            .RequireRateLimiting(ApiRateLimits.Send);

        api.MapPost(AjoExecutionEndpoint.Path, AjoExecutionEndpoint.HandleAsync)
            .WithName("AjoUnitaryExecution")
            .RequirePermission(ApiPermissions.CampaignsTriggerSend)
            .RequireRateLimiting(ApiRateLimits.Send);

        api.MapPost("/users/track", UsersTrackEndpoint.HandleAsync)
            .WithName("UsersTrack")
            .RequirePermission(ApiPermissions.UsersTrack)
            .RequireRateLimiting(ApiRateLimits.UsersTrack);

        api.MapGet("/campaigns/list", CampaignExportEndpoints.ListAsync)
            .WithName("CampaignsList")
            .RequirePermission(ApiPermissions.CampaignsList)
            .RequireRateLimiting(ApiRateLimits.Default);

        api.MapGet("/campaigns/details", CampaignExportEndpoints.DetailsAsync)
            .WithName("CampaignsDetails")
            .RequirePermission(ApiPermissions.CampaignsDetails)
            .RequireRateLimiting(ApiRateLimits.Default);

        api.MapGet("/campaigns/data_series", CampaignExportEndpoints.DataSeriesAsync)
            .WithName("CampaignsDataSeries")
            .RequirePermission(ApiPermissions.CampaignsDataSeries)
            .RequireRateLimiting(ApiRateLimits.DataSeries);

        api.MapPost("/sends/id/create", CampaignExportEndpoints.CreateSendIdAsync)
            .WithName("SendsIdCreate")
            .RequirePermission(ApiPermissions.SendsIdCreate)
            .RequireRateLimiting(ApiRateLimits.SendIds);

        api.MapGet(ContentCardsSyncEndpoint.Path, ContentCardsSyncEndpoint.HandleAsync)
            .WithName("ContentCardsSync")
            .RequirePermission(ApiPermissions.ContentCardsRead)
            .RequireRateLimiting(ApiRateLimits.Default);

        api.MapPreviewApi()
            .RequirePermission(ApiPermissions.TemplatesPreview)
            .RequireRateLimiting(ApiRateLimits.Default);
        return app;
    }

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : $"HTTP {status}";
}
