using System.Net;
using System.Text.RegularExpressions;
using Spectre.Console;

namespace Surgewatch.Cli.Tests.Serve;

public sealed class ServeCommandTest
{
    [Fact]
    public async Task Serve_NewStore_PrintsUrlAndGeneratedKeyAndAnswersUntilCancelled()
    {
        using var dir = new TempDirectory();
        var output = new StringWriter();
        var writer = TextWriter.Synchronized(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 400;
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var parse = SurgewatchCommand.Create(new CliContext(console, TimeProvider.System))
            .Parse(["serve", "--db", dir.File("s.db"), "--urls", "http://127.0.0.1:0"]);

        var run = parse.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = writer, Error = writer }, stop.Token);
        var url = await WaitForUrlAsync(() => Text(writer, output), run);
        using var http = new HttpClient();
        var health = await http.GetAsync(url + "/healthz");
        await stop.CancelAsync();
        var exit = await run;

        health.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = Text(writer, output);
        exit.Should().Be(0, text);
        text.Should().Contain("first admin API key").And.MatchRegex(@"\n  sw_[A-Za-z0-9_-]{40,}");
    }

    [Fact]
    public async Task Serve_Demo_PrintsUrlAndServesDemoSessionWithZones()
    {
        using var dir = new TempDirectory();
        var output = new StringWriter();
        var writer = TextWriter.Synchronized(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 400;
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var parse = SurgewatchCommand.Create(new CliContext(console, TimeProvider.System))
            .Parse(["serve", "--demo", "--speed", "120", "--db", dir.File("demo.db"), "--urls", "http://127.0.0.1:0"]);

        var run = parse.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = writer, Error = writer }, stop.Token);
        var url = await WaitForUrlAsync(() => Text(writer, output), run);
        using var http = new HttpClient();
        var session = await http.GetStringAsync(url + "/api/v1/session");
        var zones = await http.GetStringAsync(url + "/api/v1/zones");
        await stop.CancelAsync();
        var exit = await run;

        exit.Should().Be(0, Text(writer, output));
        session.Should().Contain("\"mode\":\"demo\"").And.Contain("\"operatorKey\":\"sw_");
        zones.Should().Contain("riverside-promenade");
    }

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("short")]
    public async Task Serve_WeakBootstrapKey_ExitsWith2AndOneLineWithoutAStackTrace(string key)
    {
        using var dir = new TempDirectory();
        Environment.SetEnvironmentVariable("SURGEWATCH_BOOTSTRAP_KEY", key);
        try
        {
            var (exit, output) = await CliRunner.RunAsync("serve", "--db", dir.File("s.db"), "--urls", "http://127.0.0.1:0");

            exit.Should().Be(2, output);
            output.Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith("error: SURGEWATCH_BOOTSTRAP_KEY is too weak");
            output.Should().NotContain("   at ");
        }
        finally
        {
            Environment.SetEnvironmentVariable("SURGEWATCH_BOOTSTRAP_KEY", null);
        }
    }

    [Fact]
    public async Task Serve_PortInUse_ExitsWith2AndSaysSoWithoutAStackTrace()
    {
        using var dir = new TempDirectory();
        var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;

            var (exit, output) = await CliRunner.RunAsync("serve", "--db", dir.File("s.db"), "--urls", $"http://127.0.0.1:{port}");

            exit.Should().Be(2, output);
            output.Should().StartWith($"error: Cannot listen on http://127.0.0.1:{port}: the address is already in use").And.NotContain("   at ");
            File.Exists(dir.File("s.db")).Should().BeFalse("nothing is created before the server can listen");
        }
        finally
        {
            busy.Stop();
        }
    }

    [Fact]
    public async Task Serve_BasemapNotPmtiles_ExitsWith2NamingTheFile()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("city.mbtiles"), new string('x', 200));

        var (exit, output) = await CliRunner.RunAsync("serve", "--db", dir.File("s.db"), "--urls", "http://127.0.0.1:0", "--basemap", dir.File("city.mbtiles"));

        exit.Should().Be(2, output);
        output.Should().StartWith("error: ").And.Contain("city.mbtiles").And.Contain("not a PMTiles archive").And.NotContain("   at ");
    }

    // TextWriter.Synchronized locks the wrapper on every write, so reading under the same lock sees whole writes.
    private static string Text(TextWriter synchronized, StringWriter inner)
    {
        lock (synchronized)
        {
            return inner.ToString();
        }
    }

    private static async Task<string> WaitForUrlAsync(Func<string> text, Task<int> run)
    {
        for (var i = 0; i < 600 && !run.IsCompleted; i++)
        {
            var match = Regex.Match(text(), @"listening on (http://127\.0\.0\.1:\d+)");
            if (match.Success)
            {
                return match.Groups[1].Value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"serve did not print its URL (exit {(run.IsCompleted ? run.Result : null)}):\n{text()}");
    }
}
