using System.Net;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Dashboard;

/// <summary>The dashboard bundle embedded in the server (built from web/ by Dashboard.targets) is served at /.</summary>
public sealed class DashboardAssetsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task GetRoot_BundleEmbedded_ServesTheDashboardPage()
    {
        var response = await server.CreateClient().GetAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("<script type=\"module\" src=\"app.js\"></script>").And.Contain("data-testid=\"alert-inbox\"");
        html.Should().NotMatchRegex("(src|href)=\"(https?:)?//", "the dashboard loads nothing from a CDN");
    }

    [Theory]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/maplibre-gl-worker.mjs", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    public async Task GetAsset_Bundled_ServedWithItsTypeAndRevalidated(string path, string mediaType)
    {
        var response = await server.CreateClient().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
        (await response.Content.ReadAsByteArrayAsync()).Length.Should().BeGreaterThan(1000);
    }
}
