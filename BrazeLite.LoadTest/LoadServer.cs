using System.Diagnostics;
using System.Globalization;

namespace BrazeLite.LoadTest;

/// <summary>The dashboard's Release build as its own process on 127.0.0.1, on a given database, with a provisioned key.</summary>
public sealed class LoadServer : IAsyncDisposable
{
    private readonly Process _process;

    private LoadServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>The server's last line of standard output that contains "Delivery stats".</summary>
    public string? LastDeliveryStats { get; private set; }

    public static async Task<LoadServer> StartAsync(string repository, string databasePath, string apiKey, int port,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(repository, "Dashboard", "bin", "Release", "net10.0", "Dashboard.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: run dotnet build -c Release Dashboard first (the load script does).");
        }
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Dashboard"] = $"Data Source={databasePath}";
        start.Environment["ApiKeys__Provisioned__0__Name"] = "load test";
        start.Environment["ApiKeys__Provisioned__0__Key"] = apiKey;
        start.Environment["ApiKeys__Provisioned__0__Permissions__0"] = "*";
        // The measured runs send more than Braze's hourly allowance on purpose.
        start.Environment["RateLimits__Send__Limit"] = "1000000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning";
        // The acceptance runs measure the send path alone: delivery waits (the delivery runs turn it on).
        start.Environment["Delivery__Enabled"] = "false";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        LoadServer? created = null;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.Contains("Delivery stats", StringComparison.Ordinal) && created is not null)
            {
                created.LastDeliveryStats = line.Trim();
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine("server: " + line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = created = new LoadServer(process, address);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with code {process.ExitCode} while starting");
            }
            try
            {
                using var response = await http.GetAsync(address);
                if (response.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        await server.DisposeAsync();
        throw new TimeoutException("the server did not answer within 60 s");
    }

    /// <summary>Peak and current resident memory, in MB, from /proc.</summary>
    public (double PeakMb, double NowMb) Memory()
    {
        double Read(string field)
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line.Split(':', 2)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        }
        return (Read("VmHWM"), Read("VmRSS"));
    }

    /// <summary>Ends the process at once, as a crash or an operator's kill -9 would.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: false);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
