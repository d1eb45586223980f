using System.Net;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.FunctionalTests.Auth;

/// <summary>A server allowing three requests per client per hour.</summary>
public sealed class StrictRateLimitFixture : ServerFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        [$"{ServerOptions.Section}:{nameof(ServerOptions.RateLimitPermits)}"] = "3",
        [$"{ServerOptions.Section}:{nameof(ServerOptions.RateLimitWindow)}"] = "01:00:00",
    };
}

public sealed class RateLimitTests(StrictRateLimitFixture server) : IClassFixture<StrictRateLimitFixture>
{
    [Fact]
    public async Task AnyEndpoint_OverTheLimit_Returns429WhileAnotherKeyStillPasses()
    {
        var client = server.ClientWithKey(null);
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            codes.Add((await client.GetAsync("/api/v1/sensors")).StatusCode);
        }

        codes.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        (await server.ClientWithKey(ServerFixture.AdminKey).GetAsync("/api/v1/sensors")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
