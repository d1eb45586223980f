using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Surgewatch.Tests.Shared;

/// <summary>
/// What the tests that start <c>surgewatch serve</c> as its own process share (the dashboard end-to-end tests and the
/// kill test): where the built CLI is, the dotnet host, a free loopback port, and waiting for <c>/healthz</c>.
/// Linked into each such test project.
/// </summary>
internal static class ServeProcessHost
{
    /// <summary>The built surgewatch.dll, named by the test assembly's <c>SurgewatchCli</c> metadata.</summary>
    public static string CliPath(Assembly testAssembly)
    {
        var path = testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SurgewatchCli").Value!;
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The surgewatch CLI was not built at {path}; build the solution (or this test project) first.", path);
    }

    /// <summary>The dotnet host running these tests (set by the dotnet CLI), else dotnet on PATH.</summary>
    public static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls <c>/healthz</c> until it answers 200 (returned), the process exits or <paramref name="timeout"/> passes.</summary>
    public static async Task<HttpResponseMessage> WaitHealthyAsync(Uri url, Process process, Func<string> log, TimeSpan timeout, TimeSpan poll)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"surgewatch serve exited with code {process.ExitCode} before answering /healthz:\n{log()}");
            }

            try
            {
                var response = await http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return response;
                }

                response.Dispose();
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (SocketException)
            {
                // The connection broke while the server was still coming up (seen as "Transport endpoint is not connected").
            }
            catch (TaskCanceledException)
            {
                // Busy starting; try again.
            }

            await Task.Delay(poll);
        }

        throw new TimeoutException($"surgewatch serve did not answer {url}healthz within {timeout.TotalSeconds:0} s:\n{log()}");
    }
}
