using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Dashboard.Tests.Delivery;

/// <summary>A real SMTP server on 127.0.0.1 (the SmtpServer package), keeping every message it receives, parsed.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private readonly Store _store = new();

    public TestSmtpServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.test")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        services.Add(new NoDelayListeners());
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>The received messages with their envelope recipients, in order.</summary>
    public IReadOnlyList<(MimeMessage Message, IReadOnlyList<string> EnvelopeTo, string EnvelopeFrom)> Received => [.. _store.Messages];

    /// <summary>Answers the next <paramref name="count"/> messages with <paramref name="code"/> instead of taking them.</summary>
    public void RefuseNext(int count, SmtpReplyCode code, string text)
    {
        for (var i = 0; i < count; i++)
        {
            _store.Refusals.Enqueue(new SmtpResponse(code, text));
        }
    }

    /// <summary>Waits until <paramref name="count"/> messages have arrived.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (_store.Messages.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The SMTP server received {_store.Messages.Count} of {count} messages in time.");
            await Task.Delay(20);
        }
        return Received.Select(r => r.Message).ToList();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<(MimeMessage, IReadOnlyList<string>, string)> Messages { get; } = new();

        public ConcurrentQueue<SmtpResponse> Refusals { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            if (Refusals.TryDequeue(out var refusal))
            {
                return refusal;
            }
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            Messages.Enqueue((message, transaction.To.Select(t => $"{t.User}@{t.Host}").ToList(), $"{transaction.From.User}@{transaction.From.Host}"));
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>
/// Listeners whose connections send each reply at once (TCP_NODELAY, inherited by accepted sockets on Linux), as real
/// mail servers do: with Nagle's algorithm the second of two pipelined replies waits for the client's delayed ACK, about
/// 40 ms per message.
/// </summary>
internal sealed class NoDelayListeners : SmtpServer.Net.IEndpointListenerFactory
{
    public SmtpServer.Net.IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new System.Net.Sockets.TcpListener(endpointDefinition.Endpoint);
        listener.Start();
        return new Listener(listener);
    }

    private sealed class Listener(System.Net.Sockets.TcpListener listener) : SmtpServer.Net.IEndpointListener
    {
        public async Task<SmtpServer.IO.ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            context.Properties[SmtpServer.Net.EndpointListener.LocalEndPointKey] = client.Client.LocalEndPoint;
            context.Properties[SmtpServer.Net.EndpointListener.RemoteEndPointKey] = client.Client.RemoteEndPoint;
            return new Pipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    private sealed class Pipe(System.Net.Sockets.TcpClient client) : SmtpServer.IO.ISecurableDuplexPipe
    {
        private readonly NetworkStream _stream = client.GetStream();

        public System.IO.Pipelines.PipeReader Input => field ??= System.IO.Pipelines.PipeReader.Create(_stream);

        public System.IO.Pipelines.PipeWriter Output => field ??= System.IO.Pipelines.PipeWriter.Create(_stream);

        public bool IsSecure => false;

        public System.Security.Authentication.SslProtocols SslProtocol => System.Security.Authentication.SslProtocols.None;

        public Task UpgradeAsync(System.Security.Cryptography.X509Certificates.X509Certificate certificate,
            System.Security.Authentication.SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("This test server speaks plain SMTP only.");

        public void Dispose() => client.Dispose();
    }
}
