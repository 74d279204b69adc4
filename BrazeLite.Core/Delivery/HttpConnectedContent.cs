using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using BrazeLite.Liquid.Braze;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BrazeLite.Core.Delivery;

/// <summary>
/// <c>connected_content</c> at send time: a real HTTP call with the tag's method, headers, body and <c>:basic_auth</c>
/// credential, a 2 s deadline and a 1 MB cap; <c>:retry</c> tries once more after a failure; GET responses are reused for
/// <c>:cache_max_age</c> seconds (5 minutes when unsaid), as Braze does. A failed call renders nothing (a 404 too)
/// and leaves a warning with the delivery.
/// </summary>
public sealed partial class HttpConnectedContent(
    IHttpClientFactory clients,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<HttpConnectedContent> logger) : IConnectedContentResolver
{
    public const string ClientName = "BrazeLite.ConnectedContent";

    private const int MaxCached = 10_000;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, ConnectedContentResponse Response)> _cache = new(StringComparer.Ordinal);

    private ConnectedContentOptions Settings => options.Value.ConnectedContent;

    public async ValueTask<ConnectedContentResponse> ResolveAsync(ConnectedContentRequest request, CancellationToken cancellationToken)
    {
        var cacheFor = request.CacheMaxAge ?? (request.Method == "GET" ? Settings.DefaultCacheMaxAge : TimeSpan.Zero);
        var key = $"{request.Method} {request.Url} {request.BasicAuth} {request.Body}";
        if (cacheFor > TimeSpan.Zero && _cache.TryGetValue(key, out var cached) && cached.Until > time.GetUtcNow())
        {
            return cached.Response;
        }

        var response = await CallAsync(request, cancellationToken);
        if (!response.IsSuccess && request.Retry && !cancellationToken.IsCancellationRequested)
        {
            response = await CallAsync(request, cancellationToken);
        }
        if (response.IsSuccess && cacheFor > TimeSpan.Zero)
        {
            if (_cache.Count >= MaxCached)
            {
                _cache.Clear();
            }
            _cache[key] = (time.GetUtcNow() + cacheFor, response);
        }
        return response;
    }

    private async Task<ConnectedContentResponse> CallAsync(ConnectedContentRequest call, CancellationToken ct)
    {
        if (!Uri.TryCreate(call.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return new ConnectedContentResponse(null, 0, $"connected_content: {call.Url} is not an http(s) URL");
        }
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), url);
        if (call.Body is not null && call.Method != "GET")
        {
            request.Content = new StringContent(call.Body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(call.ContentType ?? "application/x-www-form-urlencoded");
        }
        foreach (var (name, value) in call.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value) && request.Content is not null)
            {
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        if (call.BasicAuth is { } credentialName)
        {
            if (!Settings.Credentials.TryGetValue(credentialName, out var credential))
            {
                return new ConnectedContentResponse(null, 0, $"connected_content: no credential named {credentialName} is configured (Delivery:ConnectedContent:Credentials)");
            }
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.UserName}:{credential.Password}")));
        }

        using var timer = new CancellationTokenSource(Settings.Timeout, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var status = (int)response.StatusCode;
            if (response.Content.Headers.ContentLength > Settings.MaxResponseBytes)
            {
                return TooLarge(call.Url, status);
            }
            var body = await ReadCappedAsync(response, Settings.MaxResponseBytes, deadline.Token);
            if (body is null)
            {
                return TooLarge(call.Url, status);
            }
            return response.IsSuccessStatusCode
                ? new ConnectedContentResponse(body, status)
                : new ConnectedContentResponse(body, status, $"connected_content {call.Url} answered {status}; nothing is rendered for it");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested || timer.IsCancellationRequested)
        {
            LogFailed(logger, call.Url, "timed out");
            return new ConnectedContentResponse(null, 0, $"connected_content {call.Url} did not answer within {Senders.HttpAnswers.Seconds(Settings.Timeout)}");
        }
        catch (HttpRequestException e)
        {
            LogFailed(logger, call.Url, e.Message);
            return new ConnectedContentResponse(null, 0, $"connected_content {call.Url} failed: {e.Message}");
        }
    }

    private ConnectedContentResponse TooLarge(string url, int status) =>
        new(null, 0, $"connected_content {url} answered {status} with more than {Settings.MaxResponseBytes:N0} bytes; nothing is rendered for it");

    /// <summary>The body as text, or null when it is longer than <paramref name="max"/> bytes.</summary>
    private static async Task<string?> ReadCappedAsync(HttpResponseMessage response, int max, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > max)
            {
                return null;
            }
            buffer.Write(chunk, 0, n);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "connected_content {Url} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string url, string reason);
}
