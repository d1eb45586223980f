using System.Globalization;
using System.Text;
using Surgewatch.Core.Series;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.FunctionalTests.Roads;

/// <summary>A server replaying a small folder of road speeds (three sensors, 5-minute steps, two days) with its edges.csv.</summary>
public sealed class RoadReplayServerFixture : ServerFixture
{
    private readonly string _data = Directory.CreateTempSubdirectory("surgewatch-road-replay-").FullName;

    public RoadReplayServerFixture()
    {
        var readings = new StringBuilder("timestamp,a,b,c\n");
        for (var step = 0; step < 2 * 288; step++)
        {
            var at = new DateTime(2012, 3, 1).AddMinutes(5 * step).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            readings.Append(CultureInfo.InvariantCulture, $"{at},{60 + (step % 7) / 8.0},{55.5 + (step % 5)},{40.25}\n");
        }

        File.WriteAllText(Path.Combine(_data, "readings.csv"), readings.ToString());
        File.WriteAllText(Path.Combine(_data, "sensors.csv"), "index,sensor_id,latitude,longitude\n0,a,34.1000,-118.3\n1,b,34.1030,-118.3\n2,c,34.1000,-118.2950\n");
        File.WriteAllText(Path.Combine(_data, "edges.csv"), "from_id,to_id,weight,straight_line_m\na,a,1,0\na,b,0.6,333.6\nb,a,0.4,333.6\nc,a,0.2,461.9\n");
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        [$"{ServerOptions.Section}:{nameof(ServerOptions.Mode)}"] = "Replay",
        [$"{ServerOptions.Section}:{nameof(ServerOptions.ReplayFolder)}"] = _data,
        [$"{ServerOptions.Section}:{nameof(ServerOptions.ReplayKind)}"] = nameof(SensorKind.RoadSpeed),
        [$"{ServerOptions.Section}:{nameof(ServerOptions.HistoryDays)}"] = "1",
        [$"{ServerOptions.Section}:{nameof(ServerOptions.TrainWhenMissing)}"] = "false",
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}

public sealed class RoadReplayTests(RoadReplayServerFixture server) : IClassFixture<RoadReplayServerFixture>
{
    [Fact]
    public async Task Replay_FolderWithEdges_StoresItsGraphAndDrawsItsRoads()
    {
        using var store = server.OpenStore();
        for (var i = 0; i < 1200 && (await store.ListEdgesAsync()).Count < 4; i++)
        {
            await Task.Delay(50);
        }

        var collection = await (await server.CreateClient().GetAsync("/api/v1/roads/segments")).ReadJsonAsync();

        collection.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()).Should().Equal("a", "b", "c");
        (await store.ListEdgesAsync()).Should().HaveCount(4);
        (await store.ListSensorsAsync()).Should().OnlyContain(s => s.Kind == SensorKind.RoadSpeed);
    }
}
