using Surgewatch.Core.Series;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.FunctionalTests.Sensors;

/// <summary>A site whose road speeds are in mph (as Los-loop's are): <c>Surgewatch:SpeedUnit</c>, or <c>serve --speed-unit mph</c>.</summary>
public sealed class MphServerFixture : ServerFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        [$"{ServerOptions.Section}:{nameof(ServerOptions.SpeedUnit)}"] = "mph",
    };
}

/// <summary>Each sensor's unit as the API names it, so that no client guesses the unit of a road's speeds.</summary>
public sealed class SensorUnitsTests(MphServerFixture server) : IClassFixture<MphServerFixture>
{
    [Fact]
    public async Task GetSensors_SiteInMph_RoadSpeedsAreMphAndCountsNameTheirInterval()
    {
        using (var store = server.OpenStore())
        {
            await store.UpsertSensorsAsync([
                new Sensor(new SensorId("loop-1"), "Loop 1", null, SensorKind.RoadSpeed, Sensor.FiveMinutes),
                new Sensor(new SensorId("ped-1"), "Counter 1", null, SensorKind.PedestrianCount, Sensor.Hourly),
                new Sensor(new SensorId("flow-1"), "Flow 1", null, SensorKind.RoadFlow, TimeSpan.FromMinutes(15)),
            ]);
        }

        var sensors = (await (await server.CreateClient().GetAsync("/api/v1/sensors")).ReadJsonAsync()).EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("unit").GetString());

        sensors["loop-1"].Should().Be("mph");
        sensors["ped-1"].Should().Be("persons/h");
        sensors["flow-1"].Should().Be("vehicles/15 min");
        var jams = await (await server.CreateClient().GetAsync("/api/v1/roads/jams?date=2025-03-01")).ReadJsonAsync();
        jams.GetProperty("unit").GetString().Should().Be("mph");
    }
}
