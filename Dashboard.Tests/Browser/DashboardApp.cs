using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The real dashboard, started as its own process from the Dashboard project's build output on 127.0.0.1 with
/// a free port and a fresh SQLite file, the way `dotnet run --project Dashboard` starts it.
/// </summary>
public sealed class DashboardApp : IAsyncDisposable
{
    /// <summary>The provisioned REST key the app starts with (every permission).</summary>
    public const string DeveloperKey = "8e1f6f7c-2b7e-4c51-9d0a-3f5c2a9b7d10";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly string _databasePath;

    private DashboardApp(Process process, StringBuilder output, string databasePath, Uri baseAddress)
    {
        _process = process;
        _output = output;
        _databasePath = databasePath;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The app's SQLite file, for tests that set up what a marketer made earlier.</summary>
    public string DatabasePath => _databasePath;

    /// <summary>What the app wrote to stdout and stderr so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<DashboardApp> StartAsync()
    {
        var repoRoot = FindRepositoryRoot();
        var dashboardDll = FindDashboardDll(repoRoot);
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var databasePath = Path.Combine(Path.GetTempPath(), $"brazelite-browser-{Guid.NewGuid():N}.db");

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     dashboardDll,
                     "--contentRoot", repoRoot,
                     "--urls", baseAddress.ToString().TrimEnd('/'),
                     $"--ConnectionStrings:Dashboard=Data Source={databasePath}",
                 })
        {
            start.ArgumentList.Add(arg);
        }
        // Development makes the host read the static web assets manifest, which is what serves MudBlazor's
        // _content files and blazor.web.js from a build output (as `dotnet run` does) rather than a publish.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // A developer's key from configuration, for tests that call the REST API as a developer would.
        start.Environment["ApiKeys__Provisioned__0__Name"] = "browser tests";
        start.Environment["ApiKeys__Provisioned__0__Key"] = DeveloperKey;
        start.Environment["ApiKeys__Provisioned__0__Permissions__0"] = "*";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        var output = new StringBuilder();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new DashboardApp(process, output, databasePath, baseAddress);
        try
        {
            await app.WaitUntilAnsweringAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + StartupTimeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The dashboard exited with code {_process.ExitCode} before answering on {BaseAddress}:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync("/");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The dashboard did not answer on {BaseAddress} within {StartupTimeout}:\n{Output}");
            }
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
            }
        }
        catch (InvalidOperationException)
        {
        }
        catch (TimeoutException)
        {
        }
        _process.Dispose();
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BrazeLite.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No BrazeLite.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>
    /// The Dashboard project's own build output with the same configuration as this test assembly
    /// (Dashboard.Tests/bin/Debug/net10.0 maps to Dashboard/bin/Debug/net10.0); the ProjectReference builds it.
    /// </summary>
    private static string FindDashboardDll(string repoRoot)
    {
        var relativeOutput = Path.GetRelativePath(Path.Combine(repoRoot, "Dashboard.Tests"), AppContext.BaseDirectory);
        var dll = Path.GetFullPath(Path.Combine(repoRoot, "Dashboard", relativeOutput, "Dashboard.dll"));
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The Dashboard build output is missing; build Dashboard first.", dll);
        }
        return dll;
    }
}
