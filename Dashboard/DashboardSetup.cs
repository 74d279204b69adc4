using Dashboard.Campaigns;
using Dashboard.Components;
using Dashboard.Data;
using Dashboard.Preview;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;

namespace Dashboard;

/// <summary>How the dashboard registers its services and maps its endpoints; Program.cs calls these.</summary>
public static class DashboardSetup
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        // `dotnet run` serves MudBlazor's and the scoped CSS from the build output in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddSingleton(TimeProvider.System);

        var connectionString = builder.Configuration.GetConnectionString("Dashboard") ?? "Data Source=brazelite.db";
        builder.Services.AddDbContextFactory<DashboardDbContext>(o => o.UseSqlite(connectionString));
        builder.Services.AddScoped<ICampaignService, CampaignService>();
        builder.Services.AddSingleton(HandoffOptions.From(builder.Configuration));
        builder.Services.AddPreview();
        return builder;
    }

    /// <summary>Creates and migrates the SQLite database on first start.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

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
        app.MapPreviewApi();
        return app;
    }
}
