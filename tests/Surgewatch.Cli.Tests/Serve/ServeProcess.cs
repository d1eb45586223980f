using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

using Surgewatch.Tests.Shared;

namespace Surgewatch.Cli.Tests.Serve;

/// <summary>
/// <c>surgewatch serve</c> as its own process (the built CLI run by the dotnet host), on a free loopback port with
/// a known bootstrap key; ready once /healthz answers 200. Unlike the in-process serve tests, this one can be killed
/// with SIGKILL, as a crash or an OOM killer would end it.
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ServeProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>The stored reading count /healthz reported when the server became ready.</summary>
    public long ReadingsAtStart { get; private set; }

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

    /// <summary>Starts <c>serve --db <paramref name="database"/></c> with <paramref name="options"/> added, and waits until it is ready.</summary>
    public static Task<ServeProcess> StartAsync(string database, string bootstrapKey, params string[] options) =>
        StartAsync(database, bootstrapKey, new Dictionary<string, string>(), options);

    /// <summary>As <see cref="StartAsync(string, string, string[])"/>, with <paramref name="environment"/> (settings such as <c>Surgewatch__ZonePendingFor</c>) set for the process.</summary>
    public static async Task<ServeProcess> StartAsync(string database, string bootstrapKey, IReadOnlyDictionary<string, string> environment, params string[] options)
    {
        var cli = ServeProcessHost.CliPath(typeof(ServeProcess).Assembly);
        var url = new Uri($"http://127.0.0.1:{ServeProcessHost.FreePort()}");
        var start = new ProcessStartInfo(ServeProcessHost.DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // An empty content root beside the store, not the test's folder.
            WorkingDirectory = Path.IsPathRooted(database) ? Path.GetDirectoryName(database)! : Path.GetTempPath(),
        };
        start.Environment[Surgewatch.Server.Hosting.ServerOptions.BootstrapKeyVariable] = bootstrapKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        foreach (var arg in new[] { cli, "serve", "--db", database, "--urls", url.ToString().TrimEnd('/') }.Concat(options))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName} {cli}.");
        var server = new ServeProcess(process, url);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var healthy = await ServeProcessHost.WaitHealthyAsync(url, process, () => server.Log, StartTimeout, TimeSpan.FromMilliseconds(100));
            var health = await healthy.Content.ReadFromJsonAsync<HealthReply>();
            server.ReadingsAtStart = health?.Readings ?? throw new InvalidOperationException("/healthz answered 200 without a reading count.");
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Ends the process with SIGKILL (on Linux) and waits until it has gone.</summary>
    /// <remarks>
    /// Only the process itself (<c>dotnet surgewatch.dll</c> starts no children): the whole-tree variant first scans
    /// every process for children before it signals, a delay in which the requests in flight can finish.
    /// </remarks>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private sealed record HealthReply(string Status, long? Readings);
}
