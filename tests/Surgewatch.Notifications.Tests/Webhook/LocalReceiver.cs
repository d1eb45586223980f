using System.Net;
using System.Net.Sockets;

namespace Surgewatch.Notifications.Tests.Webhook;

/// <summary>A webhook receiver on 127.0.0.1 that answers each request with the next scripted status (the last repeats).</summary>
internal sealed class LocalReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly int[] _statuses;
    private readonly TimeSpan _delay;
    private readonly Task _loop;

    public LocalReceiver(int[] statuses, TimeSpan? delay = null)
    {
        _statuses = statuses;
        _delay = delay ?? TimeSpan.Zero;
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/hook/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public List<(byte[] Body, string? Signature, string? ContentType, string? DeliveryId)> Requests { get; } = [];

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener; its exception is expected.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            int status;
            lock (Requests)
            {
                Requests.Add((body.ToArray(), context.Request.Headers["X-Surgewatch-Signature"], context.Request.ContentType, context.Request.Headers["X-Surgewatch-Delivery"]));
                status = _statuses[Math.Min(Requests.Count - 1, _statuses.Length - 1)];
            }

            if (_delay > TimeSpan.Zero)
            {
                await Task.Delay(_delay);
            }

            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
