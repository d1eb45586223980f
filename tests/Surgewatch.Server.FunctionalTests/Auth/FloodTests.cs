using System.Net;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.FunctionalTests.Auth;

/// <summary>A server allowing five requests per client per hour.</summary>
public sealed class FloodFixture : ServerFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        [$"{ServerOptions.Section}:{nameof(ServerOptions.RateLimitPermits)}"] = "5",
        [$"{ServerOptions.Section}:{nameof(ServerOptions.RateLimitWindow)}"] = "01:00:00",
    };
}

public sealed class FloodTests(FloodFixture server) : IClassFixture<FloodFixture>
{
    [Fact]
    public async Task Requests_RandomFakeTokens_ShareTheAddressLimitAndGet429WithRetryAfterWhileHealthStaysUp()
    {
        var codes = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 12; i++)
        {
            var response = await server.ClientWithKey("fake-" + Guid.NewGuid().ToString("N")).GetAsync("/api/v1/sensors");
            codes.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        codes.Count(c => c == HttpStatusCode.OK).Should().Be(5, "every fake token falls into the address's one partition");
        refused.Should().NotBeNull();
        refused!.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 3600);
        (await server.ClientWithKey(null).GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await server.ClientWithKey(null).GetAsync("/metrics")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await server.ClientWithKey(ServerFixture.AdminKey).GetAsync("/api/v1/sensors")).StatusCode.Should().Be(HttpStatusCode.OK, "a valid key has a limit of its own");
        MetricText.Value(await server.ClientWithKey(null).GetStringAsync("/metrics"), "surgewatch_rate_limited_requests_total").Should().BeGreaterThanOrEqualTo(1);
    }
}
