using System.Diagnostics;
using System.Globalization;
using BrazeLite.LoadTest;
using Microsoft.Data.Sqlite;

// The load and crash checks of the send path, on loopback only, bounded in time. See README "Load and crash checks".
//   throughput [--seconds 15] [--connections 64] [--warmup 15]
//   crash [--seconds 6]
//   writer                      (the writer alone, no HTTP)
//   delivery [--seconds 10] [--connections 32]   (triggers to emails received by an SMTP server on loopback)
//   delivery-crash              (kill -9 while the dispatcher is sending, restart, count what arrived)
//   serve [--seconds 60]        (the seeded server on port 5399, for profiling by hand)
var mode = args.FirstOrDefault() ?? "throughput";
int Option(string name, int fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

var repository = FindRepository();
Build(repository);
var work = Directory.CreateTempSubdirectory("brazelite-load-");
var database = Path.Combine(work.FullName, "load.db");
var apiKey = Guid.NewGuid().ToString();
var script = Path.Combine(AppContext.BaseDirectory, "Lua", "trigger.lua");
try
{
    var campaignId = await Seed.CampaignAsync(database);
    Console.WriteLine($"database {database}, campaign {campaignId}");
    return mode switch
    {
        "throughput" => await ThroughputAsync(campaignId, Option("--seconds", 15), Option("--connections", 64), Option("--warmup", 15)),
        "crash" => await CrashAsync(campaignId, Option("--seconds", 6)),
        "writer" => await WriterAsync(campaignId),
        "serve" => await ServeAsync(campaignId, Option("--seconds", 60)),
        "delivery" => await DeliveryAsync(campaignId, Option("--seconds", 10), Option("--connections", 32)),
        "delivery-crash" => await DeliveryCrashAsync(campaignId),
        _ => Usage(),
    };
}
finally
{
    SqliteConnection.ClearAllPools();
    work.Delete(recursive: true);
}

async Task<int> ThroughputAsync(string campaignId, int seconds, int connections, int warmup)
{
    await using var server = await LoadServer.StartAsync(repository, database, apiKey, FreePort());
    var target = new Uri(server.Address, "/campaigns/trigger/send");
    var run = Guid.NewGuid().ToString("N")[..8];
    Dictionary<string, string> Env(string key, string prefix, string? delay = null) => new()
    {
        ["CAMPAIGN_ID"] = campaignId, ["API_KEY"] = key, ["USER_PREFIX"] = $"{run}-{prefix}", ["DELAY_MS"] = delay ?? "",
    };

    Console.WriteLine($"warming up: {connections} connections, {warmup} s of triggers, 5 s of 401s");
    await Wrk.RunAsync(target, script, connections, TimeSpan.FromSeconds(warmup), Env(apiKey, "warm"));
    await Wrk.RunAsync(target, script, connections, TimeSpan.FromSeconds(5), Env("wrong-key", "warm401"));

    var before = Count("SELECT COUNT(*) FROM Dispatches");
    var accepted = await Wrk.RunAsync(target, script, connections, TimeSpan.FromSeconds(seconds), Env(apiKey, "measured"));
    var rows = Count("SELECT COUNT(*) FROM Dispatches") - before;
    var refused = await Wrk.RunAsync(target, script, connections, TimeSpan.FromSeconds(seconds), Env("wrong-key", "refused"));
    // About 5,000 a second: 100 connections, each pausing 15 ms before a request (plus its answer's few ms).
    var paced = await Wrk.RunAsync(target, script, 100, TimeSpan.FromSeconds(seconds), Env(apiKey, "paced", "15"));
    var (peak, now) = server.Memory();

    Console.WriteLine();
    Console.WriteLine($"| run | connections | req/s | 2xx | non-2xx | p50 ms | p99 ms |");
    Console.WriteLine($"|---|---:|---:|---:|---:|---:|---:|");
    Row("trigger/send, new user each, committed before 201", connections, accepted);
    Row("same request, wrong key (401)", connections, refused);
    Row("trigger/send paced near 5,000/s", 100, paced);
    Console.WriteLine();
    Console.WriteLine($"trigger/send ÷ 401: {accepted.RequestsPerSecond / refused.RequestsPerSecond:0.00}");
    Console.WriteLine($"dispatch rows added during the measured run: {rows:N0}; 2xx answers wrk read: {accepted.Successes:N0} (rows − 2xx = {rows - accepted.Successes}, "
        + "answers committed while wrk was closing its connections are never read, so up to one per connection)");
    Console.WriteLine($"server memory: peak {peak:0} MB, now {now:0} MB");
    var ok = rows >= accepted.Successes && rows - accepted.Successes <= connections;
    Console.WriteLine(ok ? "every 2xx has its row" : "MISMATCH between 2xx answers and rows");
    return ok ? 0 : 1;

    static void Row(string name, int c, WrkResult r) =>
        Console.WriteLine($"| {name} | {c} | {r.RequestsPerSecond:N0} | {r.Successes:N0} | {r.Non2xx:N0} | {r.P50Ms:0.0} | {r.P99Ms:0.0} |");
}

async Task<int> CrashAsync(string campaignId, int seconds)
{
    var port = FreePort();
    var logs = Directory.CreateDirectory(Path.Combine(work.FullName, "acked"));
    var server = await LoadServer.StartAsync(repository, database, apiKey, port);
    var target = new Uri(server.Address, "/campaigns/trigger/send");
    var run = Guid.NewGuid().ToString("N")[..8];
    await Wrk.RunAsync(target, script, 64, TimeSpan.FromSeconds(3),
        new Dictionary<string, string> { ["CAMPAIGN_ID"] = campaignId, ["API_KEY"] = apiKey, ["USER_PREFIX"] = run + "-warm" });

    var load = Wrk.RunAsync(target, script, 64, TimeSpan.FromSeconds(seconds + 3), new Dictionary<string, string>
    {
        ["CAMPAIGN_ID"] = campaignId, ["API_KEY"] = apiKey, ["USER_PREFIX"] = run + "-crash", ["LOG_DIR"] = logs.FullName,
    });
    await Task.Delay(TimeSpan.FromSeconds(seconds));
    server.KillHard();
    Console.WriteLine($"server killed (SIGKILL) after {seconds} s under load");
    await load;
    await server.DisposeAsync();

    var acknowledged = logs.GetFiles("acked-*.txt").SelectMany(f => File.ReadAllLines(f.FullName)).Where(l => l.Length == 32).ToHashSet();
    using var db = new SqliteConnection($"Data Source={database}");
    db.Open();
    var integrity = Scalar(db, "PRAGMA integrity_check");
    var stored = new HashSet<string>();
    using (var read = db.CreateCommand())
    {
        // The dispatches of the logged run only (not the warm-up's), each with its message.
        read.CommandText = "SELECT DISTINCT m.DispatchId FROM Messages m JOIN Dispatches d ON d.DispatchId = m.DispatchId WHERE m.Recipient LIKE $prefix";
        read.Parameters.AddWithValue("$prefix", $"external_user_id:{run}-crash%");
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            stored.Add(reader.GetString(0));
        }
    }
    db.Close();
    SqliteConnection.ClearAllPools();
    var missing = acknowledged.Count(id => !stored.Contains(id));
    var unacknowledged = stored.Count(id => !acknowledged.Contains(id));

    await using var restarted = await LoadServer.StartAsync(repository, database, apiKey, port);
    using var http = new HttpClient { BaseAddress = restarted.Address };
    http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
    var body = System.Text.Json.JsonSerializer.Serialize(new
    {
        campaign_id = campaignId,
        recipients = new[] { new { external_user_id = run + "-after", send_to_existing_only = false, attributes = new { email = "after@example.com" } } },
    });
    using var after = await http.PostAsync("/campaigns/trigger/send", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

    Console.WriteLine();
    Console.WriteLine("| acknowledged before the kill | missing after reopen | committed, never acknowledged | integrity | restart + POST |");
    Console.WriteLine("|---:|---:|---:|---|---|");
    Console.WriteLine($"| {acknowledged.Count:N0} | {missing} | {unacknowledged:N0} | {integrity} | {(int)after.StatusCode} |");
    return missing == 0 && integrity == "ok" && (int)after.StatusCode == 201 ? 0 : 1;
}

// Triggers at full speed while the dispatcher delivers every accepted email to an SMTP server on loopback.
async Task<int> DeliveryAsync(string campaignId, int seconds, int connections)
{
    await using var sink = new SmtpSink(FreePort());
    await using var server = await LoadServer.StartAsync(repository, database, apiKey, FreePort(), DeliveryEnvironment(sink.Port));
    var target = new Uri(server.Address, "/campaigns/trigger/send");
    var run = Guid.NewGuid().ToString("N")[..8];
    var started = DateTime.UtcNow;
    var load = await Wrk.RunAsync(target, script, connections, TimeSpan.FromSeconds(seconds),
        new Dictionary<string, string> { ["CAMPAIGN_ID"] = campaignId, ["API_KEY"] = apiKey, ["USER_PREFIX"] = run + "-d" });
    var duringLoad = sink.Received;
    var loadEnded = DateTime.UtcNow;
    var emails = Count("SELECT COUNT(*) FROM Messages WHERE Status = 'Accepted'");
    var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
    while (sink.Distinct < emails && DateTime.UtcNow < deadline)
    {
        await Task.Delay(200);
    }
    await Task.Delay(TimeSpan.FromSeconds(5.5)); // one more stats line from the dispatcher
    var elapsed = (sink.LastAt - started).TotalSeconds;
    var failed = Count("SELECT COUNT(*) FROM Deliveries WHERE State = 'Failed'");
    var (peak, _) = server.Memory();

    Console.WriteLine();
    Console.WriteLine("| triggers accepted/s (wrk) | emails to deliver | emails received | emails/s, first trigger to last email | emails/s while triggering | drain after the load | failed | peak MB |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
    Console.WriteLine($"| {load.RequestsPerSecond:N0} | {emails:N0} | {sink.Distinct:N0} | {sink.Distinct / elapsed:N0} | {duringLoad / seconds:N0} | "
        + $"{Math.Max(0, (sink.LastAt - loadEnded).TotalSeconds):0.0} s | {failed:N0} | {peak:0} |");
    Console.WriteLine($"dispatcher: {server.LastDeliveryStats ?? "(no stats line)"}");
    if (server.LastDeliveryStats is { } stats && DeliveryStats.Pattern().Match(stats) is { Success: true } m)
    {
        var render = double.Parse(m.Groups["render"].Value, CultureInfo.InvariantCulture);
        var handOver = double.Parse(m.Groups["hand"].Value, CultureInfo.InvariantCulture);
        Console.WriteLine($"render share of the dispatcher's per-message time: {100 * render / (render + handOver):0.0}% "
            + $"({render / Math.Max(1, double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)) * 1000:0} µs per message)");
    }
    return sink.Distinct >= emails && failed == 0 ? 0 : 1;
}

// Kill -9 while the dispatcher is handing emails over, restart on the same files, and count what the SMTP server got.
async Task<int> DeliveryCrashAsync(string campaignId)
{
    await using var sink = new SmtpSink(FreePort());
    var port = FreePort();
    var environment = DeliveryEnvironment(sink.Port);
    var server = await LoadServer.StartAsync(repository, database, apiKey, port, environment);
    var target = new Uri(server.Address, "/campaigns/trigger/send");
    var run = Guid.NewGuid().ToString("N")[..8];
    await Wrk.RunAsync(target, script, 32, TimeSpan.FromSeconds(3),
        new Dictionary<string, string> { ["CAMPAIGN_ID"] = campaignId, ["API_KEY"] = apiKey, ["USER_PREFIX"] = run + "-c" });
    var emails = Count("SELECT COUNT(*) FROM Messages WHERE Status = 'Accepted'");
    var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
    while (sink.Received < emails / 3 && DateTime.UtcNow < deadline)
    {
        await Task.Delay(10);
    }
    server.KillHard();
    var atKill = sink.Received;
    Console.WriteLine($"server killed (SIGKILL) with {atKill:N0} of {emails:N0} emails received");
    await server.DisposeAsync();

    await using var restarted = await LoadServer.StartAsync(repository, database, apiKey, port, environment);
    deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
    long open;
    while ((open = Count("SELECT COUNT(*) FROM Messages m LEFT JOIN Deliveries d ON d.MessageId = m.Id WHERE m.Status = 'Accepted' "
               + "AND (d.State IS NULL OR d.State NOT IN ('Delivered', 'Failed', 'Aborted', 'Captured'))")) > 0 && DateTime.UtcNow < deadline)
    {
        await Task.Delay(250);
    }
    await Task.Delay(500);
    var delivered = Count("SELECT COUNT(*) FROM Deliveries WHERE State = 'Delivered'");
    var interrupted = new HashSet<long>();
    using (var db = new SqliteConnection($"Data Source={database};Mode=ReadOnly"))
    {
        db.Open();
        using var read = db.CreateCommand();
        read.CommandText = "SELECT DISTINCT MessageId FROM DeliveryAttempts WHERE Outcome LIKE 'Interrupted%'";
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            interrupted.Add(reader.GetInt64(0));
        }
    }
    var repeated = sink.Repeated;
    // Message-ID: <dispatch.message@domain>, the same for every attempt of one message.
    var unexplained = repeated.Keys.Count(id => !(MessageOf(id) is { } m && interrupted.Contains(m)));
    // Counted again now: requests still queued when wrk stopped were committed after the first count.
    emails = Count("SELECT COUNT(*) FROM Messages WHERE Status = 'Accepted'");
    var lost = emails - sink.Distinct;

    Console.WriteLine();
    Console.WriteLine("| emails accepted | received before the kill | delivered in the end | distinct received | lost | still open | received twice | interrupted attempts recorded | repeats without a recorded interruption |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    Console.WriteLine($"| {emails:N0} | {atKill:N0} | {delivered:N0} | {sink.Distinct:N0} | {lost} | {open} | {repeated.Count} | {interrupted.Count} | {unexplained} |");
    return lost == 0 && open == 0 && unexplained == 0 ? 0 : 1;

    static long? MessageOf(string messageId)
    {
        var dot = messageId.IndexOf('.');
        var at = messageId.IndexOf('@');
        return dot > 0 && at > dot && long.TryParse(messageId[(dot + 1)..at], CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}

Dictionary<string, string> DeliveryEnvironment(int smtpPort) => new()
{
    ["Delivery__Enabled"] = "true",
    ["Delivery__Email__Host"] = "127.0.0.1",
    ["Delivery__Email__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
    ["Delivery__Email__Security"] = "None",
    ["Logging__LogLevel__BrazeLite.Core.Delivery.DeliveryDispatcher"] = "Information",
};

// Starts the seeded server and keeps it up for a while, for profiling with wrk and dotnet-trace by hand.
async Task<int> ServeAsync(string campaignId, int seconds)
{
    await using var server = await LoadServer.StartAsync(repository, database, apiKey, 5399);
    Console.WriteLine($"serving {server.Address} pid {server.ProcessId} for {seconds} s");
    Console.WriteLine($"CAMPAIGN_ID={campaignId} API_KEY={apiKey}");
    await Task.Delay(TimeSpan.FromSeconds(seconds));
    return 0;
}

// The writer alone (no HTTP), by batch size: what the database side costs per request and per commit.
async Task<int> WriterAsync(string campaignId)
{
    Console.WriteLine("| requests per commit | requests/s | µs per request | median commit ms | p90 commit ms |");
    Console.WriteLine("|---:|---:|---:|---:|---:|");
    foreach (var batch in new[] { 32, 128, 512 })
    {
        await WriterBench.RunAsync(database, campaignId, 20480, batch);
    }
    return 0;
}

long Count(string sql)
{
    using var db = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
    db.Open();
    return Convert.ToInt64(Scalar(db, sql), CultureInfo.InvariantCulture);
}

static string Scalar(SqliteConnection db, string sql)
{
    using var command = db.CreateCommand();
    command.CommandText = sql;
    return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
}

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}

static string FindRepository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "BrazeLite.sln")))
        {
            return dir.FullName;
        }
    }
    throw new DirectoryNotFoundException("no BrazeLite.sln above " + AppContext.BaseDirectory);
}

static void Build(string repository)
{
    var build = Process.Start(new ProcessStartInfo("dotnet", "build -c Release -v q Dashboard") { WorkingDirectory = repository })!;
    build.WaitForExit();
    if (build.ExitCode != 0)
    {
        throw new InvalidOperationException("dotnet build -c Release Dashboard failed");
    }
}

static int Usage()
{
    Console.Error.WriteLine("usage: throughput [--seconds 15] [--connections 64] | crash [--seconds 6]");
    return 2;
}
