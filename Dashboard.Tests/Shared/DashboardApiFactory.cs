using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Shared;

/// <summary>The dashboard on a temporary SQLite file, for real HTTP requests: the one base of the HTTP tests.</summary>
public sealed class DashboardApiFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"brazelite-api-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Dashboard", $"Data Source={_databasePath}");
        builder.UseEnvironment("Production");
    }

    public async Task<CampaignForm> SaveAsync(CampaignForm form)
    {
        using var scope = Services.CreateScope();
        var campaigns = scope.ServiceProvider.GetRequiredService<ICampaignService>();
        var saved = await campaigns.SaveAsync(form);
        Assert.True(saved.Succeeded, saved.Message + " " + string.Join("; ", saved.Errors?.SelectMany(e => e.Value) ?? []));
        return (await campaigns.GetFormAsync(saved.CampaignId!))!;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
    }
}
