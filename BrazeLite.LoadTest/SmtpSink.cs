using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace BrazeLite.LoadTest;

/// <summary>
/// An SMTP server on 127.0.0.1 (the SmtpServer package) that takes every message and counts them by Message-ID, which
/// BrazeLite makes the same for every attempt of one message: so a message received twice is a resend.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store = new();

    public SmtpSink(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("sink.test")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        services.Add(new NoDelayListeners());
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Messages received, repeats included.</summary>
    public long Received => Interlocked.Read(ref _store.Count);

    /// <summary>Distinct Message-IDs received.</summary>
    public int Distinct => _store.ById.Count;

    /// <summary>The Message-IDs received more than once, with how often.</summary>
    public IReadOnlyDictionary<string, int> Repeated => _store.ById.Where(p => p.Value > 1).ToDictionary(p => p.Key, p => p.Value);

    /// <summary>When the last message arrived.</summary>
    public DateTime LastAt => new(Interlocked.Read(ref _store.LastTicks), DateTimeKind.Utc);

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
    }

    private sealed class Store : MessageStore
    {
        public readonly ConcurrentDictionary<string, int> ById = new(StringComparer.Ordinal);
        public long Count;
        public long LastTicks;

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            var id = MessageId(buffer) ?? $"(none {Guid.NewGuid():N})";
            ById.AddOrUpdate(id, 1, (_, n) => n + 1);
            Interlocked.Increment(ref Count);
            Interlocked.Exchange(ref LastTicks, DateTime.UtcNow.Ticks);
            return Task.FromResult(SmtpResponse.Ok);
        }

        // The Message-ID header, read from the headers only.
        private static string? MessageId(ReadOnlySequence<byte> buffer)
        {
            var head = Encoding.ASCII.GetString(buffer.Slice(0, Math.Min(buffer.Length, 8192)).ToArray());
            foreach (var line in head.Split("\r\n"))
            {
                if (line.Length == 0)
                {
                    break;
                }
                if (line.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase))
                {
                    return line[11..].Trim();
                }
            }
            return null;
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
