using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BrazeLite.LoadTest;

/// <summary>One run of Debian's wrk against the loopback server, and the figures it printed.</summary>
public sealed partial record WrkResult(long Requests, long Non2xx, double RequestsPerSecond, double P50Ms, double P99Ms, long Timeouts, string Output)
{
    public long Successes => Requests - Non2xx;
}

public static partial class Wrk
{
    public static async Task<WrkResult> RunAsync(Uri target, string script, int connections, TimeSpan duration, IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", "--timeout", "10s", "-s", script, target.ToString(),
        })
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk is not installed: apt-get install -y wrk");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {error}{output}");
        }
        return Parse(output + error);
    }

    public static WrkResult Parse(string output)
    {
        long Long(Regex r) => r.Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        double Latency(string percentile)
        {
            var m = Regex.Match(output, $@"^\s*{percentile}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
            if (!m.Success)
            {
                return double.NaN;
            }
            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
        }
        var rps = RequestsPerSecond().Match(output) is { Success: true } r ? double.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new WrkResult(Long(Total()), Long(Non2xx()), rps, Latency("50"), Latency("99"), Long(Timeouts()), output);
    }

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Total();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"timeout (\d+)")]
    private static partial Regex Timeouts();
}
