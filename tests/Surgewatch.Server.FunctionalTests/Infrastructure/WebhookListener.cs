using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Surgewatch.Server.FunctionalTests.Infrastructure;

/// <summary>One POST a <see cref="WebhookListener"/> received, with its signature and delivery id headers and the status it answered.</summary>
public sealed record WebhookRequest(string Body, string? Signature, string? DeliveryId, int Status)
{
    public void Deconstruct(out string body, out string? signature)
    {
        body = Body;
        signature = Signature;
    }
}

/// <summary>
/// A local HTTP receiver that records each POST's body and headers, and answers 200, or 503 while <see cref="Failing"/>
/// is set or for the first <c>failFirst</c> requests (a receiver that is down).
/// </summary>
public sealed class WebhookListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<WebhookRequest> _received = Channel.CreateUnbounded<WebhookRequest>();
    private int _failuresLeft;

    public WebhookListener(int failFirst = 0)
    {
        _failuresLeft = failFirst;
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string Url { get; }

    /// <summary>While true, every request is answered 503.</summary>
    public bool Failing { get; set; }

    /// <summary>How long the receiver takes to answer each request (a slow receiver); none by default.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>
    /// The next received POST, or a timeout after <paramref name="seconds"/> s (default 30: it returns on arrival, and a
    /// loaded CI machine can hold the server's background delivery up for seconds).
    /// </summary>
    public async Task<WebhookRequest> NextAsync(double seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The POSTs received within the next <paramref name="quiet"/> (none once it passes without one).</summary>
    public async Task<List<WebhookRequest>> DrainAsync(TimeSpan quiet)
    {
        var list = new List<WebhookRequest>();
        while (true)
        {
            using var timeout = new CancellationTokenSource(quiet);
            try
            {
                list.Add(await _received.Reader.ReadAsync(timeout.Token));
            }
            catch (OperationCanceledException)
            {
                return list;
            }
        }
    }

    public void Dispose() => _listener.Close();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }

            var status = Failing || Interlocked.Decrement(ref _failuresLeft) >= 0 ? 503 : 200;
            _received.Writer.TryWrite(new WebhookRequest(body, context.Request.Headers["X-Surgewatch-Signature"], context.Request.Headers["X-Surgewatch-Delivery"], status));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }
}
