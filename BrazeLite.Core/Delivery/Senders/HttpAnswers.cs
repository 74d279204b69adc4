using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace BrazeLite.Core.Delivery.Senders;

/// <summary>
/// One rule for every HTTP provider: 2xx delivered; 408, 429 and 5xx transient (with the <c>Retry-After</c> asked for);
/// any other status permanent; no answer (a network error or the timeout) transient.
/// </summary>
public static class HttpAnswers
{
    /// <summary>Sends <paramref name="request"/> with a timeout and classifies the answer; <paramref name="reference"/> reads the provider's ID from a success.</summary>
    public static async Task<SendResult> SendAsync(HttpClient client, HttpRequestMessage request, TimeSpan timeout, int keepBytes,
        Func<HttpResponseMessage, string, string?>? reference, TimeProvider time, CancellationToken ct)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var body = await ReadStartAsync(response, keepBytes, deadline.Token);
            var status = (int)response.StatusCode;
            var description = $"{status} {Reason(response)}";
            var recorded = body.Length == 0 ? description : $"{description}: {body}";
            if (response.IsSuccessStatusCode)
            {
                return new SendResult(SendOutcome.Delivered, description, reference?.Invoke(response, body), recorded);
            }
            return IsTransient(response.StatusCode)
                ? SendResult.Transient(description, recorded, RetryAfter(response.Headers.RetryAfter, time.GetUtcNow()))
                : SendResult.Permanent(description, recorded);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return SendResult.Transient($"No answer within {Seconds(timeout)}");
        }
        catch (HttpRequestException e)
        {
            return SendResult.Transient($"The request failed: {e.Message}");
        }
    }

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>The wait a <c>Retry-After</c> asks for (seconds or a date), or null.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    public static string Seconds(TimeSpan span) =>
        span.TotalSeconds >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s") : $"{span.TotalMilliseconds:0} ms";

    private static string Reason(HttpResponseMessage response) =>
        string.IsNullOrEmpty(response.ReasonPhrase) ? response.StatusCode.ToString() : response.ReasonPhrase;

    /// <summary>The first <paramref name="keepBytes"/> bytes of the body as text.</summary>
    private static async Task<string> ReadStartAsync(HttpResponseMessage response, int keepBytes, CancellationToken ct)
    {
        if (keepBytes <= 0)
        {
            return "";
        }
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[keepBytes];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), ct);
            if (n == 0)
            {
                break;
            }
            read += n;
        }
        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}
