using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Surgewatch.Dashboard.EndToEndTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Surgewatch.Dashboard.EndToEndTests;

/// <summary>
/// What a person sees on the dashboard of <c>surgewatch serve --demo</c>, in real headless Chromium at 1366×768.
/// Each test saves screenshots to TestResults/e2e (the path is printed).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardTest(DashboardFixture fixture, ITestOutputHelper output)
{
    /// <summary>Real seconds the demo surge may take to raise an alert at <see cref="SurgeSpeed"/>.</summary>
    private static readonly TimeSpan AlertTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The demo speed the alert test picks in the dashboard: the surge alert comes in seconds and lasts half a minute or more.</summary>
    private const string SurgeSpeed = "300";

    [RequiresChromiumFact]
    public async Task Map_DemoCity_ShowsEveryZoneTheApiServes()
    {
        var zones = await ApiZoneCountAsync();
        var page = await fixture.OpenDashboardAsync();

        zones.Should().BeGreaterThan(0, "the demo city has zones");
        await Expect(page.GetByTestId("zone-count")).ToHaveTextAsync(zones.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("zone-row")).ToHaveCountAsync(zones);
        await Expect(page.GetByTestId("map")).ToHaveAttributeAsync("data-zone-features", zones.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("map-zone-label")).ToHaveCountAsync(zones);
        await Expect(page.GetByTestId("map-error")).ToBeHiddenAsync();
        await Expect(page.Locator("#map canvas")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("cluster")).ToHaveTextAsync("1 node", new() { Timeout = 60_000 });
        // Drawn, not only loaded: MapLibre's rendered features in view, counted by zone id once the map is idle.
        await Expect(page.GetByTestId("map")).ToHaveAttributeAsync("data-rendered-zones", zones.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 60_000 });
        Report(await DashboardFixture.ScreenshotAsync(page, "map"));
    }

    [RequiresChromiumFact]
    public async Task ZoneList_ClockRuns_KeepsItsRowsAndButtonsInPlace()
    {
        var page = await fixture.OpenDashboardAsync();
        var row = page.GetByTestId("zone-row").First;
        await Expect(row).ToBeVisibleAsync();

        // Mark the node itself (a script property, not an attribute), let the live clock tick, and look again: the lists are
        // patched in place, so a row or an alert's Acknowledge button is not detached under the operator's pointer each tick.
        await row.EvaluateAsync("node => { node.keptProbe = true; }");
        var now = page.GetByTestId("clock-now");
        await page.GetByTestId("clock-speed").SelectOptionAsync("60");
        await fixture.SetClockAsync(paused: false);
        try
        {
            for (var tick = 0; tick < 2; tick++)
            {
                var before = await now.GetAttributeAsync("data-now");
                await Expect(now).Not.ToHaveAttributeAsync("data-now", before ?? string.Empty);
            }
        }
        finally
        {
            await fixture.SetClockAsync(paused: true);
        }

        var kept = await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('[data-testid=zone-row]')].some((n) => n.keptProbe === true)");
        kept.Should().BeTrue("the row rendered before the clock ticked is still in the list, updated in place");
    }

    [RequiresChromiumFact]
    public async Task Inbox_DemoBankStreet_RoadCongestionAlertAppearsWithTheRoadOnTheMapAndItsSpeedChart()
    {
        var page = await fixture.OpenDashboardAsync();
        // Bank Street jams with the concert's arrivals from 18:10 and with the incident from 20:00 (alerts kept 30 min after):
        // the road's alert is open, or in the day's history once resolved, whichever the shared demo clock has reached.
        var road = page.Locator("[data-key^='road-congestion/']");
        await page.GetByTestId("clock-speed").SelectOptionAsync(SurgeSpeed);
        await fixture.SetClockAsync(paused: false);
        try
        {
            await Expect(road.First).ToBeVisibleAsync(new() { Timeout = (float)AlertTimeout.TotalMilliseconds });
        }
        finally
        {
            await fixture.SetClockAsync(paused: true);
        }

        // The road detectors are drawn on the map as road segments, each coloured by its congestion level.
        await Expect(page.GetByTestId("map")).ToHaveAttributeAsync("data-road-features", "8", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("map")).ToHaveAttributeAsync("data-rendered-roads", "8", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("map")).ToHaveAttributeAsync("data-sensor-points", new System.Text.RegularExpressions.Regex("bank-street-4"), new() { Timeout = 60_000 });

        // Its subject opens the road's panel: congestion facts and the speed chart with free flow and the level lines.
        var item = page.Locator("[data-testid='alert-item'][data-key^='road-congestion/'], [data-testid='history-item'][data-key^='road-congestion/']").First;
        await item.Locator("button.link").First.ClickAsync();
        await Expect(page.GetByTestId("road-level")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("zone-chart")).ToHaveAttributeAsync("data-lines", "free flow,slowing,congested,jammed", new() { Timeout = 60_000 });

        // The road's alert episode is shaded on its chart, as a zone's or a counter's is.
        await Expect(page.Locator("#zone-chart .uplot")).ToHaveAttributeAsync("data-episodes", new System.Text.RegularExpressions.Regex("^[1-9]"), new() { Timeout = 60_000 });
        Report(await DashboardFixture.ScreenshotAsync(page, "road-alert"));

        // The briefing of today lists the roads' expected jams from the deployed roads model (a table, or that none is expected).
        await page.Locator("#briefing-day").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await Expect(page.GetByTestId("briefing-jams")).ToContainTextAsync("Expected jams", new() { Timeout = 60_000 });
        Report(await DashboardFixture.ScreenshotAsync(page, "briefing-jams"));
    }

    [RequiresChromiumFact]
    public async Task Inbox_DemoSurge_AlertAppearsAndAcknowledgeMovesItToAcknowledged()
    {
        var page = await fixture.OpenDashboardAsync();
        // The demo's surge is a zone's and its counters' (the road corridor's alerts have a test of their own).
        var open = page.GetByTestId("alerts-open").Locator("[data-testid='alert-item']:not([data-key^='road-congestion/'])");
        var pause = page.GetByTestId("clock-pause");

        // Run the demo through the dashboard's own replay controls (faster, resume); the clock is paused once the server has the
        // alert open, so the page is judged on an alert that stays open.
        await page.GetByTestId("clock-speed").SelectOptionAsync(SurgeSpeed);
        await Expect(page.GetByTestId("clock")).ToContainTextAsync(SurgeSpeed + "×");
        await Expect(pause).ToHaveTextAsync("Resume");
        await pause.ClickAsync();
        await fixture.PauseOnceOpenAlertsAsync(keys => keys.Any(key => !key.StartsWith("road-congestion/", StringComparison.Ordinal)), AlertTimeout);

        await Expect(open.First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(pause).ToHaveTextAsync("Resume");
        var alert = open.First;
        var key = await alert.GetAttributeAsync("data-key");
        key.Should().NotBeNullOrEmpty();
        await Expect(alert.GetByTestId("alert-severity")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("warning|alarm|critical"));
        Report(await DashboardFixture.ScreenshotAsync(page, "alert"));

        // By key: the list is re-rendered, worst first, whenever an alert changes.
        await page.GetByTestId("alerts-open").Locator($"[data-key='{key}']").GetByTestId("alert-ack").ClickAsync();

        var acknowledged = page.GetByTestId("alerts-acknowledged").Locator($"[data-key='{key}']");
        await Expect(acknowledged).ToHaveAttributeAsync("data-acknowledged", "true");
        await Expect(page.GetByTestId("alerts-open").Locator($"[data-key='{key}']")).ToHaveCountAsync(0);
        (await ApiAcknowledgedAsync(key!)).Should().BeTrue("the acknowledgement reached the server, not only the page");
        Report(await DashboardFixture.ScreenshotAsync(page, "acknowledged"));

        // Before a silence is made, it shows what it mutes: the dialog lists the current alerts, Silence 1 h names them on hover.
        var silencesBefore = await ApiSilenceCountAsync();
        await acknowledged.GetByTestId("alert-silence-until").ClickAsync();
        var dialog = page.GetByTestId("silence-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByTestId("silence-preview").Locator($"[data-testid='silence-preview-item'][data-key='{key}']")).ToHaveCountAsync(1);
        Report(await DashboardFixture.ScreenshotAsync(page, "silence-dialog"));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        (await ApiSilenceCountAsync()).Should().Be(silencesBefore, "a cancelled dialog makes no silence");
        var rule = await acknowledged.GetByTestId("alert-rule").TextContentAsync();
        await Expect(acknowledged.GetByTestId("alert-silence-1h")).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("^Mutes for 1 h: .*" + System.Text.RegularExpressions.Regex.Escape(rule!)));

        await acknowledged.GetByTestId("alert-silence-1h").ClickAsync();
        await Expect(page.GetByTestId("banner")).ToContainTextAsync("Silenced");
        (await ApiSilenceCountAsync()).Should().Be(silencesBefore + 1, "Silence 1 h created a silence through the API");

        // Active silences are listed and can be ended.
        var created = (await ApiSilenceIdsAsync()).Max(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByTestId("silences").Locator("summary").ClickAsync();
        var listed = page.GetByTestId("silences-list").Locator($"[data-testid='silence-item'][data-id='{created}']");
        await Expect(listed).ToBeVisibleAsync();
        await listed.GetByTestId("silence-end").ClickAsync();
        await Expect(listed).ToHaveCountAsync(0);
        (await ApiSilenceIdsAsync()).Should().NotContain(created, "End now deleted the silence through the API");
    }

    [RequiresChromiumFact]
    public async Task Header_LiveLinkDown_SaysOfflineAndGreysThePage()
    {
        // The hub unreachable (as behind a proxy that drops WebSockets): the page must not pass old data off as live.
        var page = await fixture.OpenDashboardAsync(p => p.RouteAsync("**/hubs/live**", route => route.AbortAsync()));

        await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("^(offline|polling)$"), new() { Timeout = 60_000 });
        await Expect(page.Locator("body[data-stale='true']")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("connection")).ToContainTextAsync("last update");
        await Expect(page.GetByTestId("zone-row")).Not.ToHaveCountAsync(0);
        Report(await DashboardFixture.ScreenshotAsync(page, "offline"));
    }

    [RequiresChromiumFact]
    public async Task ZonePanel_SelectingAZone_ChartsHistoryAndForecast()
    {
        var page = await fixture.OpenDashboardAsync();
        var row = page.GetByTestId("zone-row").First;
        var zoneId = await row.GetAttributeAsync("data-zone-id");

        await row.ClickAsync();

        await Expect(page.Locator("#zone-title")).Not.ToHaveTextAsync("Select a zone or a sensor");
        var chart = page.GetByTestId("zone-chart");
        await Expect(chart.Locator("canvas")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        (int.Parse(await chart.GetAttributeAsync("data-observed") ?? "0", System.Globalization.CultureInfo.InvariantCulture))
            .Should().BeGreaterThan(0, $"zone {zoneId} has readings in the demo");
        Report(await DashboardFixture.ScreenshotAsync(page, "zone-panel"));
    }

    [RequiresChromiumFact]
    public async Task Header_DemoServer_ShowsLiveConnectionAndTheDemoClock()
    {
        var page = await fixture.OpenDashboardAsync();

        await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("mode")).ToHaveTextAsync("demo");
        await Expect(page.GetByTestId("clock-now")).Not.ToHaveTextAsync("--");
        await Expect(page.GetByTestId("clock-speed")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("operator")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("briefing-row").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        // "At risk" can hold while the peak is ok (it weighs the upside); hovering its column says so.
        await Expect(page.Locator("#briefing-body th", new() { HasTextString = "Hours at risk" })).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("probability of a surge.*while the expected peak is ok"));
        Report(await DashboardFixture.ScreenshotAsync(page, "header-briefing"));
    }

    [RequiresChromiumFact]
    public async Task Page_UnderTheServersContentSecurityPolicy_LoadsWithoutConsoleErrorsOrViolations()
    {
        var problems = new List<string>();
        var page = await fixture.OpenDashboardAsync(p => CollectProblemsAsync(p, problems));
        var violations = await page.EvaluateAsync<int>("""
            () => new Promise(resolve => {
              let count = 0;
              document.addEventListener('securitypolicyviolation', () => count++);
              setTimeout(() => resolve(count), 3000);
            })
            """);

        using var http = new HttpClient { BaseAddress = fixture.Url };
        using var reply = await http.GetAsync("/");
        reply.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'").And.Contain("frame-ancestors 'none'");
        reply.Headers.Contains("Server").Should().BeFalse("Kestrel's Server header is switched off");
        await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 60_000 });
        await Expect(page.Locator("#map canvas")).ToBeVisibleAsync();
        violations.Should().Be(0);
        problems.Should().BeEmpty("the bundled dashboard runs under the policy with no inline script");
        Report(await DashboardFixture.ScreenshotAsync(page, "csp"));
    }

    /// <summary>Records console errors, failed requests (4xx and 5xx) and uncaught page errors into <paramref name="problems"/>.</summary>
    internal static Task CollectProblemsAsync(IPage page, List<string> problems)
    {
        void Add(string problem)
        {
            lock (problems)
            {
                problems.Add(problem);
            }
        }

        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Add(message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Add($"{response.Status} {response.Url}");
            }
        };
        page.PageError += (_, error) => Add("page error: " + error);
        return Task.CompletedTask;
    }

    private async Task<int> ApiZoneCountAsync()
    {
        using var http = new HttpClient { BaseAddress = fixture.Url };
        using var zones = JsonDocument.Parse(await http.GetStringAsync("/api/v1/zones"));
        return zones.RootElement.GetProperty("features").GetArrayLength();
    }

    private async Task<bool> ApiAcknowledgedAsync(string key)
    {
        using var http = new HttpClient { BaseAddress = fixture.Url };
        var alerts = await http.GetFromJsonAsync<JsonElement>("/api/v1/alerts?active=true");
        foreach (var alert in alerts.EnumerateArray())
        {
            if (alert.GetProperty("key").GetString() == key)
            {
                return alert.GetProperty("acknowledged").GetBoolean();
            }
        }

        return false;
    }

    private async Task<string[]> ApiSilenceIdsAsync()
    {
        using var http = new HttpClient { BaseAddress = fixture.Url };
        var silences = await http.GetFromJsonAsync<JsonElement>("/api/v1/silences");
        return [.. silences.EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];
    }

    private async Task<int> ApiSilenceCountAsync()
    {
        using var http = new HttpClient { BaseAddress = fixture.Url };
        var silences = await http.GetFromJsonAsync<JsonElement>("/api/v1/silences");
        return silences.GetArrayLength();
    }

    private void Report(string screenshot) => output.WriteLine($"Screenshot: {screenshot}");
}
