using Microsoft.Playwright;

namespace Surgewatch.Dashboard.EndToEndTests.Infrastructure;

/// <summary>
/// One server and one headless Chromium shared by a collection of dashboard tests (starting them is the slow part);
/// each test opens its own page at 1366×768, the control-room screen size. Subclasses say which server to start.
/// </summary>
public abstract class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private DemoServer? _server;
    private Uri? _url;

    public Uri Url => _url ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>A server that is already running, to test instead of starting one; null to start one.</summary>
    protected virtual Uri? RunningServer => null;

    /// <summary>Starts the server the tests look at.</summary>
    private protected abstract Task<DemoServer> StartServerAsync();

    /// <summary>Runs once the started server is healthy, before the browser starts.</summary>
    protected virtual Task OnServerStartedAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            // Skipped tests never get here; under CI=true a missing browser is a failure with the install hint.
            return;
        }

        // Playwright must never fetch a browser of its own: the tests drive Debian's Chromium.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Console.WriteLine($"Dashboard test artifacts (screenshots, server logs): {Artifacts.Folder}");
        if (RunningServer is { } running)
        {
            _url = running;
        }
        else
        {
            _server = await StartServerAsync();
            _url = _server.Url;
            await OnServerStartedAsync();
        }

        // A CI machine runs the other test assemblies beside this one on two cores, where a software-rendered map can
        // take many seconds per step: every expectation waits up to 30 s (it returns as soon as it holds).
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            ChromiumSandbox = false,
            Args = Chromium.Arguments,
        });
    }

    /// <summary>The server clock's now (GET /api/v1/clock): the site's wall clock with its offset.</summary>
    public async Task<DateTimeOffset> ClockNowAsync()
    {
        using var http = new HttpClient { BaseAddress = Url };
        using var clock = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/v1/clock"));
        return DateTimeOffset.Parse(clock.RootElement.GetProperty("now").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Pauses or resumes the simulated clock through the API: with the started server's admin key, or with the demo's
    /// operator key (GET /api/v1/session) on a server that was already running.
    /// </summary>
    public async Task SetClockAsync(bool paused)
    {
        using var http = new HttpClient { BaseAddress = Url };
        var key = _server?.AdminKey;
        if (key is null)
        {
            using var session = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/v1/session"));
            key = session.RootElement.GetProperty("operatorKey").GetString();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clock")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { paused }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Waits, while the clock runs, until the keys of the server's open alerts (<c>RULE/SUBJECT</c>) are
    /// <paramref name="enough"/>, then pauses the clock and returns them. The page is checked after: at 300× a surge alert is open for half a minute
    /// of real time, and a CI machine's software-rendered page once fell so far behind its live updates that it took in
    /// the alert's opening and its closing together (the inbox never showed it). Paused, the alert stays open however
    /// slowly the page follows.
    /// </summary>
    public async Task<IReadOnlyList<string>> PauseOnceOpenAlertsAsync(Func<IReadOnlyList<string>, bool> enough, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Url };
        var waited = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            while (true)
            {
                using var alerts = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/v1/alerts?active=true"));
                var open = alerts.RootElement.EnumerateArray()
                    .Where(alert => alert.GetProperty("open").GetBoolean())
                    .Select(alert => alert.GetProperty("key").GetString() ?? string.Empty)
                    .ToList();
                if (enough(open))
                {
                    return open;
                }

                if (waited.Elapsed > timeout)
                {
                    throw new TimeoutException($"The server's open alerts were not as awaited within {timeout.TotalSeconds:0} s of running the clock.");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
        finally
        {
            await SetClockAsync(paused: true);
        }
    }

    /// <summary>A new page on the dashboard, loaded and wired (body[data-ready]); <paramref name="beforeLoad"/> may set routes first.</summary>
    public async Task<IPage> OpenDashboardAsync(Func<IPage, Task>? beforeLoad = null)
    {
        if (_browser is null)
        {
            throw new InvalidOperationException(Chromium.InstallHint + ".");
        }

        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            BaseURL = Url.ToString(),
        });
        // Loading the page waits for its script and the map's software WebGL, which on two cores shared with the other
        // test assemblies and the demo's background training once took over 30 s (a CI run): navigation gets 90 s.
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Console.WriteLine($"[browser {message.Type}] {message.Text}");
            }
        };
        if (beforeLoad is not null)
        {
            await beforeLoad(page);
        }

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("body[data-ready='true']")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        return page;
    }

    /// <summary>Saves a full-window screenshot among the artifacts and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Artifacts.PathOf(name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        Console.WriteLine($"Screenshot: {path}");
        return path;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
