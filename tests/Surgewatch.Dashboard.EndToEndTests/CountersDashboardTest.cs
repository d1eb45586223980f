using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Surgewatch.Dashboard.EndToEndTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Surgewatch.Dashboard.EndToEndTests;

/// <summary>
/// What a person sees on the dashboard of a city that has counters and no zones (a replay of Melbourne-shaped
/// synthetic data, see <see cref="CounterCityData"/>), in real headless Chromium at 1366×768. Each test saves
/// screenshots to TestResults/e2e (the path is printed).
/// </summary>
[Collection(CountersCollection.Name)]
public sealed class CountersDashboardTest(CountersFixture fixture, ITestOutputHelper output)
{
    /// <summary>Real seconds the Saturday-evening surge may take to raise a counter alert at <see cref="CountersFixture.Speed"/>.</summary>
    private static readonly TimeSpan AlertTimeout = TimeSpan.FromSeconds(150);

    private static readonly string Sensors = CounterCityData.Sensors.ToString(CultureInfo.InvariantCulture);

    [RequiresChromiumFact]
    public async Task Map_CountersWithoutZones_DrawsEverySensorInViewAndExplainsTheMissingZones()
    {
        var page = await fixture.OpenDashboardAsync();
        var map = page.GetByTestId("map");

        await Expect(map).ToHaveAttributeAsync("data-sensor-features", Sensors);
        // Drawn in view, not only loaded: the map fitted the sensors although there is no zone.
        await Expect(map).ToHaveAttributeAsync("data-rendered-sensors", Sensors, new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("zone-count")).ToHaveTextAsync("0");
        await Expect(page.GetByTestId("no-zones")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("no-zones")).ToContainTextAsync($"No zones are defined, so the {Sensors} sensors are listed here");
        await Expect(page.GetByTestId("zones-docs-link")).ToHaveAttributeAsync("href", "/docs/zones.md");
        await Expect(page.GetByTestId("sensor-row")).ToHaveCountAsync(CounterCityData.Sensors);
        var levels = await page.GetByTestId("sensor-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.level)");
        levels.Select(Rank).Should().BeInDescendingOrder("the sensors are listed worst first");
        // Never an empty panel: the page opens on the sensor at the top of the list, the worst.
        await Expect(page.GetByTestId("sensor-row").First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("selected"));
        await Expect(page.GetByTestId("zone-chart")).ToHaveAttributeAsync("data-kind", "counter");
        Report(await BrowserFixture.ScreenshotAsync(page, "counters-map"));

        var (id, point) = (await SensorPointsAsync(page)).First();
        var name = await page.Locator($"[data-testid='sensor-row'][data-sensor-id='{id}'] .name").TextContentAsync();
        var box = (await map.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + point[0], box.Y + point[1]);

        var tooltip = page.GetByTestId("sensor-tooltip");
        await Expect(tooltip).ToBeVisibleAsync();
        await Expect(tooltip).ToContainTextAsync(name!);
        await Expect(tooltip).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d persons/h"));
        Report(await BrowserFixture.ScreenshotAsync(page, "counters-tooltip"));
    }

    [RequiresChromiumFact]
    public async Task Map_PageOpenedBeforeTheSensorsAreStored_DrawsThemWhenTheyComeAndOpensOnTheWorstJudged()
    {
        // As a page opened while the replay still stores its history: the first /sensors answers no sensor, and the
        // first /sensors/status knows the sensors but judges none (no model deployed yet). Later replies are the
        // server's, with one counter warning.
        var sensorLists = 0;
        var statuses = 0;
        var warned = fixture.SensorIds[^1];
        var page = await fixture.OpenDashboardAsync(async p =>
        {
            await p.RouteAsync("**/api/v1/sensors", async route =>
            {
                if (Interlocked.Increment(ref sensorLists) == 1)
                {
                    await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = "[]" });
                    return;
                }

                await route.ContinueAsync();
            });
            await p.RouteAsync("**/api/v1/sensors/status", async route =>
            {
                var reply = await route.FetchAsync();
                var list = System.Text.Json.Nodes.JsonNode.Parse(await reply.TextAsync())!.AsArray();
                var first = Interlocked.Increment(ref statuses) == 1;
                foreach (var status in list)
                {
                    if (first)
                    {
                        status!["level"] = null;
                        status["probability"] = null;
                        status["threshold"] = null;
                    }
                    else if (status!["sensorId"]!.GetValue<string>() == warned)
                    {
                        // Then one counter that is not first by name warns, so the worst is not the first name.
                        status["level"] = "warning";
                        status["probability"] = 0.9;
                    }
                }

                await route.FulfillAsync(new() { Response = reply, Body = list.ToJsonString() });
            });
        });
        var map = page.GetByTestId("map");

        // The sensors came after the page had loaded: they are listed and drawn in view all the same.
        await Expect(map).ToHaveAttributeAsync("data-rendered-sensors", Sensors, new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("no-zones")).ToContainTextAsync($"the {Sensors} sensors are listed here");
        sensorLists.Should().BeGreaterThanOrEqualTo(2, "the list was loaded again when the status named sensors it lacked");
        await Expect(page.GetByTestId("legend-neutral")).ToBeVisibleAsync();

        // Once the sensors are judged the panel moves from the first name of an unjudged list to the worst counter.
        var top = page.GetByTestId("sensor-row").First;
        await Expect(top).Not.ToHaveAttributeAsync("data-level", new System.Text.RegularExpressions.Regex("^(neutral|no-data)$"), new() { Timeout = 45_000 });
        await Expect(top).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("selected"), new() { Timeout = 15_000 });
        await Expect(top).ToHaveAttributeAsync("data-sensor-id", warned);
        var name = await top.Locator(".name").TextContentAsync();
        await Expect(page.Locator("#zone-title")).ToHaveTextAsync(name!);
        await Expect(page.GetByTestId("zone-chart")).ToHaveAttributeAsync("data-bands", new System.Text.RegularExpressions.Regex("^[1-9]"), new() { Timeout = 30_000 });
        Report(await BrowserFixture.ScreenshotAsync(page, "counters-late-sensors"));
    }

    [RequiresChromiumFact]
    public async Task Briefing_SiteDateChangesWhileThePageIsOpen_KeepsThePickedDayAheadWithoutAnError()
    {
        // The page's first clock (GET /clock) is a day behind the server's, as at the start of a replay or just before
        // midnight; the hub's clock message on connecting brings the server's date.
        var problems = new List<string>();
        var clocks = 0;
        var page = await fixture.OpenDashboardAsync(async p =>
        {
            await DashboardTest.CollectProblemsAsync(p, problems);
            await p.RouteAsync("**/api/v1/clock", async route =>
            {
                if (route.Request.Method != "GET" || Interlocked.Increment(ref clocks) > 1)
                {
                    await route.ContinueAsync();
                    return;
                }

                var reply = await route.FetchAsync();
                var clock = System.Text.Json.Nodes.JsonNode.Parse(await reply.TextAsync())!;
                var now = DateTimeOffset.Parse(clock["now"]!.GetValue<string>(), CultureInfo.InvariantCulture);
                clock["now"] = now.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
                await route.FulfillAsync(new() { Response = reply, Body = clock.ToJsonString() });
            });
        });
        var day = page.GetByTestId("briefing-day");
        var today = (await fixture.ClockNowAsync()).Date;

        // The page built its picker on its first clock (tomorrow picked), then the hub's clock moved it a day on.
        await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 60_000 });
        await Expect(day.Locator("option").First).ToHaveAttributeAsync("value", Day(today), new() { Timeout = 30_000 });
        clocks.Should().BeGreaterThanOrEqualTo(1, "the page's first clock was the day before");
        await Expect(day).ToHaveValueAsync(Day(today.AddDays(1)), new() { Timeout = 1_000 });
        await Expect(page.Locator("#briefing-body")).ToHaveAttributeAsync("data-date", Day(today.AddDays(1)), new() { Timeout = 60_000 });
        Report(await BrowserFixture.ScreenshotAsync(page, "counters-briefing-next-day"));
        problems.Should().BeEmpty("the page logs no console error when the site's date changes");
    }

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [RequiresChromiumFact]
    public async Task SensorPanel_ClickingACounterOnTheMap_ChartsItsHistoryForecastBandsAndThreshold()
    {
        var page = await fixture.OpenDashboardAsync();
        var id = fixture.SensorIds[0];
        var points = await SensorPointsAsync(page);
        points.Should().ContainKey(id);
        var box = (await page.GetByTestId("map").BoundingBoxAsync())!;

        await page.Mouse.ClickAsync(box.X + points[id][0], box.Y + points[id][1]);

        var name = await page.Locator($"[data-testid='sensor-row'][data-sensor-id='{id}'] .name").TextContentAsync();
        await Expect(page.Locator("#zone-title")).ToHaveTextAsync(name!);
        var chart = page.GetByTestId("zone-chart");
        await Expect(chart.Locator("canvas")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(chart).ToHaveAttributeAsync("data-kind", "counter");
        await Expect(chart).ToHaveAttributeAsync("data-lines", "surge threshold");
        // The hourly counts released in the last 24 h: 24 on the hour, 23 between (the current hour's count comes at its end).
        await Expect(chart).ToHaveAttributeAsync("data-observed", new System.Text.RegularExpressions.Regex("^2[34]$"));
        Count(await chart.GetAttributeAsync("data-bands")).Should().BeGreaterThan(0, "the deployed model's forecast has 80% and 95% bands");
        await Expect(page.GetByTestId("counter-threshold")).ToContainTextAsync("persons/h");
        Report(await BrowserFixture.ScreenshotAsync(page, "counters-panel"));

        await page.GetByTestId("panel-view-week").ClickAsync();

        await Expect(chart).ToHaveAttributeAsync("data-observed", new System.Text.RegularExpressions.Regex("^16[78]$"));
        Report(await BrowserFixture.ScreenshotAsync(page, "counters-panel-week"));
    }

    [RequiresChromiumFact]
    public async Task Inbox_SaturdayEvening_RaisesACounterSurgeAlertThatOpensTheCounter()
    {
        var page = await fixture.OpenDashboardAsync();
        // The counters with the Saturday-evening crowd (others may warn on their own busy hours too).
        var surging = fixture.SensorIds.Take(CounterCityData.SurgeSensors).Select(id => $"counter-surge/{id}").ToHashSet(StringComparer.Ordinal);
        var surge = page.GetByTestId("alerts-open").Locator(string.Join(", ", surging.Select(key => $"[data-testid='alert-item'][data-key='{key}']")));

        await fixture.SetClockAsync(paused: false);
        await fixture.PauseOnceOpenAlertsAsync(keys => keys.Any(surging.Contains), AlertTimeout);
        await Expect(surge.First).ToBeVisibleAsync(new() { Timeout = 60_000 });

        Report(await BrowserFixture.ScreenshotAsync(page, "counters-alert"));
        var key = await surge.First.GetAttributeAsync("data-key");
        var sensor = key!.Split('/')[^1];
        fixture.SensorIds.Take(CounterCityData.SurgeSensors).Should().Contain(sensor, $"alert {key} is a surging counter's alert");

        await surge.First.GetByTestId("alert-zone").ClickAsync();

        await Expect(page.GetByTestId("zone-chart")).ToHaveAttributeAsync("data-kind", "counter");
        await Expect(page.Locator($"[data-testid='sensor-row'][data-sensor-id='{sensor}']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("selected"));
        Report(await BrowserFixture.ScreenshotAsync(page, "counters-alert-panel"));
    }

    /// <summary>Where the map drew each sensor, in its own pixels, once it is idle with all of them in view.</summary>
    private static async Task<Dictionary<string, int[]>> SensorPointsAsync(IPage page)
    {
        await Expect(page.GetByTestId("map")).ToHaveAttributeAsync("data-rendered-sensors", Sensors, new() { Timeout = 60_000 });
        var json = await page.GetByTestId("map").GetAttributeAsync("data-sensor-points");
        return JsonSerializer.Deserialize<Dictionary<string, int[]>>(json!)!;
    }

    private static int Rank(string level) => Array.IndexOf(["no-data", "neutral", "ok", "warning", "alarm", "critical"], level) switch
    {
        < 2 => -1,
        var known => known,
    };

    private static int Count(string? attribute) => int.Parse(attribute ?? "0", CultureInfo.InvariantCulture);

    private void Report(string screenshot) => output.WriteLine($"Screenshot: {screenshot}");
}
