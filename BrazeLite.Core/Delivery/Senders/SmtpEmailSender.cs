using System.Collections.Concurrent;
using System.Net.Sockets;
using BrazeLite.Core.Campaigns;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace BrazeLite.Core.Delivery.Senders;

/// <summary>
/// Email over SMTP with MailKit: a multipart/alternative message (HTML and plain text), its own <c>Message-ID</c>, the
/// extra headers, the configured envelope sender. Connections are kept open and reused, one message at a time each.
/// </summary>
public sealed partial class SmtpEmailSender(IOptions<DeliveryOptions> options, ILogger<SmtpEmailSender> logger) : IChannelSender, IAsyncDisposable
{
    public const string SenderName = "smtp";

    private readonly ConcurrentBag<SmtpClient> _idle = [];

    private EmailChannelOptions Settings => options.Value.Email;

    public string NameFor(Channel channel) => SenderName;

    public bool IsLiveFor(Channel channel) => Settings.IsLive;

    public bool Handles(Channel channel) => channel == Channel.Email;

    public async Task<SendResult> SendAsync(OutboundContent content, SendContext context, CancellationToken ct)
    {
        var email = (EmailContent)content;
        MimeMessage message;
        try
        {
            message = Build(email, context);
        }
        catch (ParseException e)
        {
            return SendResult.Permanent($"The message cannot be written as email: {e.Message}");
        }

        SmtpClient? client = null;
        try
        {
            client = await ConnectedClientAsync(ct);
            var sender = string.IsNullOrWhiteSpace(Settings.EnvelopeFrom) ? null : MailboxAddress.Parse(Settings.EnvelopeFrom);
            var recipients = message.To.Mailboxes.Concat(message.Bcc.Mailboxes).ToList();
            var response = sender is null
                ? await client.SendAsync(message, ct)
                : await client.SendAsync(message, sender, recipients, ct);
            _idle.Add(client);
            client = null;
            // MailKit gives the text of the server's 250 answer.
            var answer = Truncate($"250 {response}");
            return new SendResult(SendOutcome.Delivered, answer, message.MessageId, answer);
        }
        catch (SmtpCommandException e)
        {
            var code = (int)e.StatusCode;
            var description = $"{code} {e.Message}";
            // 4xx is the server asking to come back later; 5xx is a refusal that will not change.
            return code is >= 400 and < 500 ? SendResult.Transient(description, description) : SendResult.Permanent(description, description);
        }
        catch (AuthenticationException e)
        {
            return SendResult.Permanent($"The SMTP server refused the credentials: {e.Message}");
        }
        catch (Exception e) when (e is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException or TimeoutException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return SendResult.Transient($"SMTP connection failed: {e.Message}");
        }
        finally
        {
            if (client is not null)
            {
                await DiscardAsync(client);
            }
        }
    }

    /// <summary>The message as it goes on the wire.</summary>
    internal static MimeMessage Build(EmailContent email, SendContext context)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(email.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        if (!string.IsNullOrWhiteSpace(email.ReplyTo))
        {
            message.ReplyTo.Add(MailboxAddress.Parse(email.ReplyTo));
        }
        foreach (var bcc in email.Bcc ?? [])
        {
            message.Bcc.Add(MailboxAddress.Parse(bcc));
        }
        message.Subject = email.Subject;
        var domain = message.From.Mailboxes.First().Domain;
        message.MessageId = $"{context.DispatchId}.{context.MessageId}@{(string.IsNullOrEmpty(domain) ? "brazelite.local" : domain)}";
        foreach (var (name, value) in email.Headers)
        {
            message.Headers.Replace(name, value);
        }
        message.Body = new BodyBuilder { HtmlBody = email.Html, TextBody = email.Text }.ToMessageBody();
        return message;
    }

    private async Task<SmtpClient> ConnectedClientAsync(CancellationToken ct)
    {
        while (_idle.TryTake(out var idle))
        {
            if (idle.IsConnected)
            {
                return idle;
            }
            idle.Dispose();
        }
        var client = new SmtpClient { Timeout = (int)Settings.Timeout.TotalMilliseconds };
        var security = Settings.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
            _ => SecureSocketOptions.StartTls,
        };
        try
        {
            // Our own socket, with Nagle's algorithm off: a message is several small writes, and against delayed ACKs each
            // would otherwise wait about 40 ms for the one before it.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(Settings.Host!, Settings.Port, ct);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            await client.ConnectAsync(socket, Settings.Host!, Settings.Port, security, ct);
            if (!string.IsNullOrEmpty(Settings.UserName))
            {
                await client.AuthenticateAsync(Settings.UserName, Settings.Password ?? "", ct);
            }
            LogConnected(logger, Settings.Host!, Settings.Port);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task DiscardAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or ObjectDisposedException)
        {
            // The connection is gone either way.
        }
        client.Dispose();
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var client))
        {
            await DiscardAsync(client);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to the SMTP server {Host}:{Port}")]
    private static partial void LogConnected(ILogger logger, string host, int port);
}
