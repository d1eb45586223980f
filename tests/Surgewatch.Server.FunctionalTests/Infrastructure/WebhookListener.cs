using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Surgewatch.Server.FunctionalTests.Infrastructure;

/// <summary>A local HTTP receiver that records each POST's body and signature header, and answers 200.</summary>
public sealed class WebhookListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<(string Body, string? Signature)> _received = Channel.CreateUnbounded<(string, string?)>();

    public WebhookListener()
    {
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

    /// <summary>The next received POST, or a timeout after 10 s.</summary>
    public async Task<(string Body, string? Signature)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _received.Reader.ReadAsync(timeout.Token);
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
            _received.Writer.TryWrite((body, context.Request.Headers["X-Surgewatch-Signature"]));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}
