using BrazeLite.Core.Delivery.Senders;
using BrazeLite.Core.Ingest;
using BrazeLite.Liquid.Braze;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BrazeLite.Core.Delivery;

/// <summary>How a host runs delivery: the dispatcher, the senders of every channel, and send-time connected content.</summary>
public static class DeliverySetup
{
    public static IHostApplicationBuilder AddDelivery(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();

        // Each HTTP provider's client; timeouts are per request (the options), so the client's own is off.
        foreach (var name in new[] { HttpWebhookSender.ClientName, TwilioSmsSender.ClientName, HttpPushSender.ClientName, HttpConnectedContent.ClientName })
        {
            services.AddHttpClient(name, c => c.Timeout = Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = name == HttpConnectedContent.ClientName, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        }
        services.AddSingleton<HttpConnectedContent>();
        services.AddSingleton<IConnectedContentResolver>(s => s.GetRequiredService<HttpConnectedContent>());

        services.AddSingleton<CaptureSender>();
        services.AddSingleton<IChannelSender, SmtpEmailSender>();
        services.AddSingleton<IChannelSender, HttpWebhookSender>();
        services.AddSingleton<IChannelSender, TwilioSmsSender>();
        services.AddSingleton<IChannelSender, HttpPushSender>();
        services.AddSingleton<IChannelSender, ContentCardSender>();
        services.AddSingleton<ChannelSenders>();

        services.AddSingleton<MessageComposer>();
        services.AddSingleton<ContentCardFeed>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<ITestSendService, TestSendService>();
        services.AddSingleton<ChannelSettings>();
        services.AddSingleton<DeliveryQueue>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddHostedService(s => s.GetRequiredService<DeliveryDispatcher>());
        return builder;
    }

    /// <summary>Whether the dispatcher runs in this process (<c>Delivery:Enabled</c>).</summary>
    public static bool DeliveryEnabled(this IServiceProvider services) => services.GetRequiredService<IOptions<DeliveryOptions>>().Value.Enabled;
}
