using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Surgewatch.Tests.Redis;

/// <summary>
/// A throwaway Redis server for the tests: <c>redis-server</c> on a free loopback port, nothing saved to disk, killed on
/// dispose. Started by the test that needs it, so a run where those tests skip (no Redis here) starts nothing.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The <c>redis-server</c> program on PATH (or in /usr/bin), or null where Redis is not installed.</summary>
    public static string? Program { get; } = Find();

    /// <summary>What to do where it is missing.</summary>
    public const string InstallHint = "redis-server is not installed: apt-get install redis-server (eng/install-deps.sh does)";

    public int Port { get; }

    /// <summary>The address <c>serve --cluster</c> takes.</summary>
    public string Url => $"redis://127.0.0.1:{Port}";

    /// <exception cref="InvalidOperationException">Redis is missing, or did not answer PING within 10 s.</exception>
    public static async Task<RedisServer> StartAsync()
    {
        var program = Program ?? throw new InvalidOperationException(InstallHint + " (CI=true: this is a failure, not a skip).");
        var port = FreePort();
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            start.ArgumentList.Add(a);
        }

        var server = new RedisServer(Process.Start(start)!, port);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        for (var waited = 0; waited < 100; waited++)
        {
            if (await server.PingsAsync())
            {
                return server;
            }

            await Task.Delay(100);
        }

        server.Dispose();
        throw new InvalidOperationException($"redis-server on port {port} did not answer PING within 10 s.");
    }

    private async Task<bool> PingsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':').Append("/usr/bin")
            .Select(d => Path.Combine(d, "redis-server")).FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
