using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.FunctionalTests.Readings;

/// <summary>A server whose sites are in Melbourne.</summary>
public sealed class MelbourneServerFixture : ServerFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        [$"{ServerOptions.Section}:{nameof(ServerOptions.SiteZone)}"] = "Australia/Melbourne",
    };
}

public sealed class SiteZoneTests(MelbourneServerFixture server) : IClassFixture<MelbourneServerFixture>
{
    [Fact]
    public async Task PostReadings_InstantWithZ_IsStoredAtTheSiteLocalLabel()
    {
        const string Body = "{\"sensorId\":\"mel-1\",\"timestamp\":\"2024-03-01T00:00:00Z\",\"value\":9}\n";
        await server.ClientWithKey(ServerFixture.AdminKey).PostAsync("/api/v1/readings", Bodies.Ndjson(Body));

        var read = await (await server.CreateClient().GetAsync("/api/v1/readings?sensor=mel-1")).ReadJsonAsync();

        read.GetProperty("readings")[0].GetProperty("timestamp").GetString().Should().Be("2024-03-01T11:00:00+11:00");
    }
}
