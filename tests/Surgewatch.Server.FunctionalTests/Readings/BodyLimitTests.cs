using System.Net;
using Surgewatch.Core.Series;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.FunctionalTests.Readings;

/// <summary>A server that accepts bodies of at most 1 KiB.</summary>
public sealed class SmallBodyServerFixture : ServerFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        [$"{ServerOptions.Section}:{nameof(ServerOptions.MaxBodyBytes)}"] = "1024",
    };
}

public sealed class BodyLimitTests(SmallBodyServerFixture server) : IClassFixture<SmallBodyServerFixture>
{
    [Fact]
    public async Task PostReadings_BodyOverTheLimit_Returns413AndStoresNothing()
    {
        var client = server.ClientWithKey(ServerFixture.AdminKey);

        var response = await client.PostAsync("/api/v1/readings", Bodies.HourlyJson("big-1", 100));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        using var store = server.OpenStore();
        (await store.ReadObservationsAsync(new ObservationQuery([new SensorId("big-1")]))).Count.Should().Be(0);
    }

    [Fact]
    public async Task PostReadings_GzipBodyInflatingPastTheLimit_Returns413()
    {
        var client = server.ClientWithKey(ServerFixture.AdminKey);
        var body = Bodies.Gzip("[" + new string(' ', 200_000) + "]", "application/json");
        (await body.ReadAsByteArrayAsync()).Length.Should().BeLessThan(1024);

        var response = await client.PostAsync("/api/v1/readings", body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task PostReadings_BodyUnderTheLimit_IsStored()
    {
        var client = server.ClientWithKey(ServerFixture.AdminKey);

        var response = await client.PostAsync("/api/v1/readings", Bodies.HourlyJson("small-1", 2));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
