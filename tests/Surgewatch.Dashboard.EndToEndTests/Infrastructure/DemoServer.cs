using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

using Surgewatch.Tests.Shared;

namespace Surgewatch.Dashboard.EndToEndTests.Infrastructure;

/// <summary>
/// <c>surgewatch serve --demo</c> (or another mode, such as <c>--replay FOLDER</c>) as its own process on a free loopback
/// port with a fresh store in a temporary folder; ready once /healthz answers. Its output goes to a log among the
/// artifacts (server.log for the demo).
/// </summary>
internal sealed class DemoServer : IAsyncDisposable
{
    /// <summary>Simulated seconds per real second at start; the fixture pauses the clock once the server is up.</summary>
    public const int Speed = 60;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _log = new();
    private readonly StreamWriter _logFile;

    private DemoServer(Process process, string folder, Uri url, StreamWriter logFile, string adminKey)
    {
        _process = process;
        _folder = folder;
        Url = url;
        _logFile = logFile;
        AdminKey = adminKey;
    }

    public Uri Url { get; }

    /// <summary>The bootstrap admin key the server was started with (a replay server hands out no operator key).</summary>
    public string AdminKey { get; }

    /// <summary>What the server printed so far (for failure messages).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static Task<DemoServer> StartAsync() =>
        StartAsync(Directory.CreateTempSubdirectory("surgewatch-e2e-").FullName, "server.log", "--demo", "--speed", Speed.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Starts <c>serve</c> with <paramref name="mode"/> on a store in <paramref name="folder"/> (removed on dispose), logging to <paramref name="logName"/>.</summary>
    public static async Task<DemoServer> StartAsync(string folder, string logName, params string[] mode)
    {
        var cli = ServeProcessHost.CliPath(typeof(DemoServer).Assembly);
        var url = new Uri($"http://127.0.0.1:{ServeProcessHost.FreePort()}");
        var start = new ProcessStartInfo(ServeProcessHost.DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        // A bootstrap key of our own, so the server prints no generated key into server.log; quieter framework logs.
        var adminKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        start.Environment["SURGEWATCH_BOOTSTRAP_KEY"] = adminKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var arg in (string[])[cli, "serve", .. mode, "--db", Path.Combine(folder, "e2e.db"), "--urls", url.ToString().TrimEnd('/')])
        {
            start.ArgumentList.Add(arg);
        }

        var logFile = new StreamWriter(Artifacts.PathOf(logName), append: false) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName} {cli}.");
        var server = new DemoServer(process, folder, url, logFile, adminKey);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        (await ServeProcessHost.WaitHealthyAsync(url, process, () => server.Log, StartTimeout, TimeSpan.FromMilliseconds(250))).Dispose();
        return server;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
            _logFile.WriteLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_log)
        {
            _logFile.Dispose();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (SQLite WAL) stays in the temporary folder; the OS cleans it later.
        }
    }
}
