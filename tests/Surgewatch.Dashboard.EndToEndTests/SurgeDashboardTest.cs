using Microsoft.Playwright;
using Surgewatch.Dashboard.EndToEndTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Surgewatch.Dashboard.EndToEndTests;

/// <summary>
/// An operator's whole surge on <c>surgewatch serve --demo</c>: it runs the demo clock through the surge to its end, so
/// it has a demo server of its own and leaves the one the other dashboard tests share at the start of its day.
/// </summary>
[Collection(SurgeDashboardCollection.Name)]
public sealed class SurgeDashboardTest(SurgeDashboardFixture fixture, ITestOutputHelper output)
{
    /// <summary>Real seconds the demo surge may take to raise an alert, and then to resolve, at the speeds below.</summary>
    private static readonly TimeSpan AlertTimeout = TimeSpan.FromSeconds(120);

    private const string SurgeSpeed = "300";

    [RequiresChromiumFact]
    public async Task Inbox_DemoSurgeRunsToItsEnd_OneGroupPerZoneThenHistoryAndTheBriefingDayChanges()
    {
        var problems = new List<string>();
        var page = await fixture.OpenDashboardAsync(p => DashboardTest.CollectProblemsAsync(p, problems));
        var groups = page.GetByTestId("alerts-open").GetByTestId("alert-group");
        var history = page.GetByTestId("alerts-history").GetByTestId("history-item");
        var pause = page.GetByTestId("clock-pause");

        await page.GetByTestId("clock-speed").SelectOptionAsync(SurgeSpeed);
        await Expect(pause).ToHaveTextAsync("Resume");
        await pause.ClickAsync();
        // A surging zone fires several rules (density and flow, warning to alarm, observed and forecast): one group.
        await fixture.PauseOnceOpenAlertsAsync(keys => keys.GroupBy(key => key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..]).Any(g => g.Count() > 1), AlertTimeout);
        await Expect(groups.And(page.Locator(":not([data-size='1'])")).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var subjects = await groups.EvaluateAllAsync<string[]>("gs => gs.map(g => g.dataset.subject)");
        subjects.Should().OnlyHaveUniqueItems("each zone or counter has one group");
        var group = groups.And(page.Locator(":not([data-size='1'])")).First;
        var size = int.Parse(await group.GetAttributeAsync("data-size") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        // The default wait (it returns at once when met): a browser sharing a loaded machine's two cores may take over a
        // second to answer even a check that already holds.
        await Expect(group.GetByTestId("alert-item")).ToHaveCountAsync(1);
        await group.GetByTestId("alert-group-toggle").ClickAsync();
        (await group.GetByTestId("alert-item").CountAsync()).Should().BeGreaterThanOrEqualTo(Math.Min(size, 2), "the group expands to its other alerts");
        await Expect(group.GetByTestId("alert-item").First.GetByTestId("alert-rule")).Not.ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[a-z0-9-]+$"));
        Report(await DashboardFixture.ScreenshotAsync(page, "alert-group"));

        try
        {
            // Faster until the surge is over: its alerts resolve and land in the last-24-h history.
            await page.GetByTestId("clock-speed").SelectOptionAsync("900");
            await fixture.SetClockAsync(paused: false);
            await Expect(history.First).ToBeVisibleAsync(new() { Timeout = (float)AlertTimeout.TotalMilliseconds });
        }
        finally
        {
            await fixture.SetClockAsync(paused: true);
        }

        await Expect(history.First.GetByTestId("history-duration")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\d+ (min|h)"));
        Report(await DashboardFixture.ScreenshotAsync(page, "alert-history"));

        var day = page.GetByTestId("briefing-day");
        var options = await day.Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        options.Should().HaveCountGreaterThanOrEqualTo(2, "today and tomorrow at least");
        var other = options.First(o => o != options[1]);
        await day.SelectOptionAsync(other);
        await Expect(page.Locator("#briefing-body")).ToHaveAttributeAsync("data-date", other, new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("briefing-row").First).ToBeVisibleAsync();
        Report(await DashboardFixture.ScreenshotAsync(page, "briefing-today"));
        problems.Should().BeEmpty("the page logs no console error and no request fails");
    }

    private void Report(string screenshot) => output.WriteLine($"Screenshot: {screenshot}");
}
