using Microsoft.Playwright;
using Surgewatch.Dashboard.EndToEndTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Surgewatch.Dashboard.EndToEndTests;

/// <summary>
/// The API reference at /api/docs and the demo city's base map, in real headless Chromium against
/// <c>surgewatch serve --demo</c>; both must work offline, from the server's own origin.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ApiDocsAndBasemapTest(DashboardFixture fixture, ITestOutputHelper output)
{
    [RequiresChromiumFact]
    public async Task ApiDocs_Page_RendersTheOperationsFromThisOriginWithoutErrors()
    {
        var page = await fixture.OpenDashboardAsync();
        var problems = new List<string>();
        page.Console += (_, message) => Note(problems, message.Type == "error" ? message.Text : null);
        page.PageError += (_, error) => Note(problems, "page error: " + error);
        page.Response += (_, response) => Note(problems, response.Status >= 400 ? $"{response.Status} {response.Url}" : null);
        page.Request += (_, request) => Note(problems, new Uri(request.Url).Authority == fixture.Url.Authority || request.Url.StartsWith("data:", StringComparison.Ordinal) ? null : "off-origin request: " + request.Url);

        await page.GotoAsync("/api/docs");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Surgewatch HTTP API" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // Grouped by feature: the Readings group in the sidebar leads to its operations (rendered as they scroll in).
        await page.GetByText("Readings", new() { Exact = true }).First.ClickAsync();
        await Expect(page.GetByText("/api/v1/readings").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        output.WriteLine("Screenshot: " + await DashboardFixture.ScreenshotAsync(page, "api-docs"));
        problems.Should().BeEmpty("the reference runs under the server's policy, with no font, proxy or telemetry elsewhere");
    }

    [RequiresChromiumFact]
    public async Task Map_DemoCity_DrawsItsStreetsRiverAndSquaresUnderTheZones()
    {
        var page = await fixture.OpenDashboardAsync();

        await Expect(page.GetByTestId("map")).ToHaveAttributeAsync("data-basemap", "demo-city", new() { Timeout = 60_000 });
        // Drawn, not only added: MapLibre's rendered city features in view once the map is idle, with the zones on top.
        await Expect(page.GetByTestId("map")).ToHaveAttributeAsync("data-basemap-features", new System.Text.RegularExpressions.Regex("^[1-9][0-9]"), new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("map")).ToHaveAttributeAsync("data-rendered-zones", new System.Text.RegularExpressions.Regex("^[1-9]"), new() { Timeout = 60_000 });
        output.WriteLine("Screenshot: " + await DashboardFixture.ScreenshotAsync(page, "basemap-demo-city"));
    }

    private static void Note(List<string> problems, string? problem)
    {
        if (problem is null)
        {
            return;
        }

        lock (problems)
        {
            problems.Add(problem);
        }
    }
}
