using System.Net;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Docs;

public sealed class GuidePagesTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task GetZonesGuide_Served_IsThePlainTextGuideTheDashboardLinksTo()
    {
        var response = await server.CreateClient().GetAsync("/docs/zones.md");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        (await response.Content.ReadAsStringAsync()).Should().StartWith("# Zones").And.Contain("surgewatch zones import");
    }
}
