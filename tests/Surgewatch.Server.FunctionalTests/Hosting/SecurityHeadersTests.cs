using System.Net;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Hosting;

public sealed class SecurityHeadersTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/docs")]
    [InlineData("/api/docs.js")]
    [InlineData("/api/v1/sensors")]
    [InlineData("/api/v1/keys")]
    [InlineData("/no-such-page")]
    [InlineData("/healthz")]
    public async Task AnyReply_CarriesTheSecurityHeaders(string path)
    {
        var response = await server.ClientWithKey(null).GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.Should().Contain("script-src 'self'").And.Contain("frame-ancestors 'none'").And.NotContain("'unsafe-eval'");
        csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)).Should().NotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer");
        response.Headers.Contains("Server").Should().BeFalse();
    }

    [Fact]
    public async Task ApiDocs_Page_HasNoInlineScriptOrStyle()
    {
        var html = await server.ClientWithKey(null).GetStringAsync("/api/docs");

        html.Should().Contain("<script src=\"/api/docs.js\">").And.NotContain("<script>").And.NotContain("<style>");
        (await server.ClientWithKey(null).GetAsync("/api/docs.js")).Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
    }
}
