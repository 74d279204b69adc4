using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Delivery;

/// <summary>
/// A real HTTP server on 127.0.0.1 standing in for a webhook receiver or a provider (Twilio, FCM, APNs, a
/// connected-content API): it records every request and answers from a script, then with the default answer.
/// </summary>
public sealed class TestHttpProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _script = new();

    public sealed record Request(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body);

    /// <summary>An answer; <paramref name="Delay"/> holds it back (a slow or hung provider).</summary>
    public sealed record Reply(int Status, string Body = "{}", IReadOnlyDictionary<string, string>? Headers = null, TimeSpan? Delay = null);

    private TestHttpProvider(WebApplication app) => _app = app;

    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <summary>What every request gets once the script is used up.</summary>
    public Reply Default { get; set; } = new(200);

    public string BaseUrl { get; private set; } = "";

    public static async Task<TestHttpProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var provider = new TestHttpProvider(app);
        app.Run(provider.HandleAsync);
        await app.StartAsync();
        provider.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return provider;
    }

    /// <summary>The next requests get these answers, in order.</summary>
    public void Then(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    public async Task<IReadOnlyList<Request>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Requests.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The provider received {Requests.Count} of {count} requests in time.");
            await Task.Delay(20);
        }
        return [.. Requests];
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        Requests.Enqueue(new Request(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
        var reply = _script.TryDequeue(out var next) ? next : Default;
        if (reply.Delay is { } delay)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        context.Response.ContentType ??= "application/json";
        await context.Response.WriteAsync(reply.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
