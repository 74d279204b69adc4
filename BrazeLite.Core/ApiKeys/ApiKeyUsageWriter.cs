using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BrazeLite.Core.ApiKeys;

/// <summary>Writes each key's last use every <see cref="ApiKeyOptions.LastUseFlushInterval"/>, and once more at shutdown.</summary>
public sealed partial class ApiKeyUsageWriter(IApiKeyService keys, IOptions<ApiKeyOptions> options, TimeProvider time,
    ILogger<ApiKeyUsageWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.LastUseFlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await FlushAsync(CancellationToken.None);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        try
        {
            await keys.FlushUsageAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFlushFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the API keys' last use failed; it is tried again at the next interval")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
