using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Hosting;

/// <summary>A server whose request log and ASP.NET Core categories are turned up to Trace.</summary>
public sealed class VerboseLogFixture : ServerFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:Surgewatch.Server.Requests"] = "Trace",
    };
}

public sealed class RequestLogTests(VerboseLogFixture server) : IClassFixture<VerboseLogFixture>
{
    [Fact]
    public async Task Request_KeySentInTheQueryString_NeverReachesTheLog()
    {
        const string Secret = "sw_secret-in-the-query-0123456789abcdef";

        await server.ClientWithKey(null).GetAsync($"/api/v1/sensors?key={Secret}&access_token={Secret}");

        // Every category is at Trace here: even then the query string is not written.
        server.Logs.Lines.Should().NotContain(line => line.Contains(Secret, StringComparison.Ordinal));
        server.Logs.Lines.Should().Contain(line => line.Contains("Surgewatch.Server.Requests") && line.Contains("GET /api/v1/sensors 200"));
    }

    [Fact]
    public void Defaults_RequestLogAndAspNetCore_AreAtWarning()
    {
        using var plain = new DefaultLogging();
        var logs = plain.Services.GetRequiredService<ILoggerFactory>();

        logs.CreateLogger("Surgewatch.Server.Requests").IsEnabled(LogLevel.Information).Should().BeFalse();
        logs.CreateLogger("Surgewatch.Server.Requests").IsEnabled(LogLevel.Warning).Should().BeTrue();
        logs.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware").IsEnabled(LogLevel.Information).Should().BeFalse();
        logs.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Critical).Should().BeFalse();
    }

    [Theory]
    [InlineData("/api/v1/briefing?date=9999-12-30")]
    [InlineData("/api/v1/briefing?date=0001-01-01")]
    [InlineData("/api/v1/zones/any/series?from=9999-12-30T00:00:00&to=9999-12-31T00:00:00")]
    [InlineData("/api/v1/readings?sensor=1&from=9999-12-31T23:59:59")]
    [InlineData("/api/v1/open/zones/hourly?from=9999-12-30T00:00:00")]
    public async Task Get_DatesAtTheEndOfTheCalendar_Return400(string path)
    {
        var response = await server.ClientWithKey(null).GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    /// <summary>A host with the server's own logging defaults (the shared fixture turns every category up to Trace).</summary>
    private sealed class DefaultLogging : ServerFixture
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            foreach (var (key, value) in Settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
