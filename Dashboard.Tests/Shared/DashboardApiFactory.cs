using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Shared;

/// <summary>The dashboard on a temporary SQLite file, for real HTTP requests: the one base of the HTTP tests.</summary>
public sealed class DashboardApiFactory : WebApplicationFactory<Program>
{
    /// <summary>A provisioned key with every permission.</summary>
    public const string AllPermissionsKey = "3c9a3e2e-7f0b-4d8a-9a51-0d6f2b7c1e01";

    /// <summary>A provisioned key with only <c>users.track</c>.</summary>
    public const string UsersTrackOnlyKey = "3c9a3e2e-7f0b-4d8a-9a51-0d6f2b7c1e02";

    private readonly string _databasePath;
    private readonly bool _keepDatabase;

    /// <summary>A fresh database, deleted at the end (the class fixtures' constructor).</summary>
    public DashboardApiFactory() : this(null)
    {
    }

    /// <summary><paramref name="databasePath"/> (or a fresh file), kept at the end when <paramref name="keepDatabase"/>: a restart on the same file.</summary>
    internal DashboardApiFactory(string? databasePath, bool keepDatabase = false)
    {
        _databasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"brazelite-api-{Guid.NewGuid():N}.db");
        _keepDatabase = keepDatabase;
    }

    public string DatabasePath => _databasePath;

    /// <summary>Further settings, applied over the defaults (set before the first client is made).</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>Replaces services after the app's own registrations (set before the first client is made).</summary>
    public Action<IServiceCollection>? ReplaceServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Dashboard", $"Data Source={_databasePath}");
        builder.UseSetting("ApiKeys:Provisioned:0:Name", "tests, every permission");
        builder.UseSetting("ApiKeys:Provisioned:0:Key", AllPermissionsKey);
        builder.UseSetting("ApiKeys:Provisioned:0:Permissions:0", "*");
        builder.UseSetting("ApiKeys:Provisioned:1:Name", "tests, users.track only");
        builder.UseSetting("ApiKeys:Provisioned:1:Key", UsersTrackOnlyKey);
        builder.UseSetting("ApiKeys:Provisioned:1:Permissions:0", "users.track");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
            // The tests seed campaigns and samples through the app's own services, as an admin would in the dashboard.
            services.AddSingleton<BrazeLite.Core.Accounts.IActorAccessor, AdminUnlessSignedIn>();
        });
        if (ReplaceServices is { } replace)
        {
            builder.ConfigureServices(replace);
        }
    }

    private sealed class AdminUnlessSignedIn : BrazeLite.Core.Accounts.IActorAccessor
    {
        private readonly BrazeLite.Core.Accounts.AmbientActor _ambient = new();

        public BrazeLite.Core.Accounts.Actor? Current => _ambient.Current ?? TestActors.Admin;
    }

    /// <summary>The test server has no socket, so a request names its client address in this header.</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(nextMiddleware => context =>
            {
                context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(ClientAddressHeader, out var value)
                    ? System.Net.IPAddress.Parse(value.ToString())
                    : System.Net.IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>A client that sends <paramref name="key"/> as its bearer key, as a developer's HTTP client does; null sends none.</summary>
    public HttpClient CreateApiClient(string? key = AllPermissionsKey)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }
        return client;
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
        if (!_keepDatabase)
        {
            File.Delete(_databasePath);
        }
    }
}
