using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

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

    public static async Task<ServeProcess> StartAsync(string database, string bootstrapKey)
    {
        var cli = CliPath();
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // An empty content root beside the store, not the test's folder.
            WorkingDirectory = Path.GetDirectoryName(database)!,
        };
        start.Environment[Surgewatch.Server.Hosting.ServerOptions.BootstrapKeyVariable] = bootstrapKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var arg in new[] { cli, "serve", "--db", database, "--urls", url.ToString().TrimEnd('/') })
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
            await server.WaitHealthyAsync();
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

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"surgewatch serve exited with code {_process.ExitCode} before answering /healthz:\n{Log}");
            }

            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var health = await response.Content.ReadFromJsonAsync<HealthReply>();
                    ReadingsAtStart = health?.Readings ?? throw new InvalidOperationException("/healthz answered 200 without a reading count.");
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting; try again.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"surgewatch serve did not answer {Url}healthz within {StartTimeout.TotalSeconds:0} s:\n{Log}");
    }

    private static string CliPath()
    {
        var path = typeof(ServeProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SurgewatchCli").Value!;
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The surgewatch CLI was not built at {path}; build the solution (or this test project) first.", path);
    }

    /// <summary>The dotnet host running these tests (set by the dotnet CLI), else dotnet on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
