using BrazeLite.Core;
using BrazeLite.Core.Delivery;
using Dashboard.Accounts;
using Dashboard.Api;
using Dashboard.Campaigns.Handoff;
using Dashboard.Components;
using Dashboard.Preview;
using MudBlazor.Services;

namespace Dashboard;

/// <summary>How the dashboard registers its services and maps its endpoints; Program.cs calls these.</summary>
public static class DashboardSetup
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        // `dotnet run` serves MudBlazor's and the scoped CSS from the build output in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();
        // Template bodies of up to 100,000 characters travel over the circuit: SignalR's 32 KB default would drop it.
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = 1024 * 1024);
        // Notices appear bottom left for a few seconds: the toolbars and fields the marketer works in are at the top and right.
        builder.Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomLeft;
            o.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        builder.AddBrazeLiteCore();
        builder.AddAccounts();
        builder.AddDelivery();
        builder.Services.AddPreview();
        builder.Services.AddHandoff();
        builder.Services.AddSingleton<Dashboard.Approvals.RenderedChanges>();
        builder.Services.AddBrazeApi();
        return builder;
    }

    /// <summary>Creates and migrates the SQLite database on first start.</summary>
    public static Task PrepareDatabaseAsync(this WebApplication app) => app.Services.MigrateDatabaseAsync();

    public static WebApplication MapDashboard(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseSecurityHeaders();
        // The pages' "not found" page; a REST endpoint's errors are its own JSON (UseBrazeApi), so it skips this.
        app.UseWhen(context => !BrazeApi.IsRestEndpoint(context),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseBrazeApi();
        app.UseAccounts();
        app.MapStaticAssets();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode();
        app.MapBrazeApi();
        app.MapAccounts();
        return app;
    }
}
