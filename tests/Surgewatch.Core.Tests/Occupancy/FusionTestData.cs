using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Tests.Occupancy;

/// <summary>Builders for fusion tests: a 1,000 m² zone and minute readings.</summary>
internal static class FusionTestData
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly SensorId In = new("in");
    public static readonly SensorId Out = new("out");
    public static readonly SensorId Cam = new("cam");
    public static readonly SensorId Cell = new("cell");
    public static readonly SensorId Total = new("total");

    public static Zone ZoneWith(double? width, params ZoneSource[] sources) =>
        Zone.Create(new ZoneId("square"), "Square", Square(), areaSquareMetres: 1000, widthMetres: width, sources: sources);

    public static ZoneSource Source(SensorId sensor, ZoneSourceRole role, double factor = 1) => new(sensor, role, factor);

    public static DateTimeOffset Minute(int m) => T0.AddMinutes(m);

    /// <summary>Readings for sensors, each a value per minute from minute 1 up to its list's length.</summary>
    public static Dictionary<SensorId, IReadOnlyList<SensorReading>> PerMinute(params (SensorId Sensor, double[] Values)[] series)
    {
        var map = new Dictionary<SensorId, IReadOnlyList<SensorReading>>();
        foreach (var (sensor, values) in series)
        {
            map[sensor] = values.Select((v, i) => new SensorReading(Minute(i + 1), v)).ToArray();
        }

        return map;
    }

    /// <summary>Runs fusion every minute from minute 1 to <paramref name="minutes"/>, returning each step's estimate.</summary>
    public static List<ZoneOccupancy> Run(Zone zone, Dictionary<SensorId, IReadOnlyList<SensorReading>> readings, int minutes)
    {
        var state = LineBalanceState.Start(T0);
        var outputs = new List<ZoneOccupancy>();
        for (var m = 1; m <= minutes; m++)
        {
            var result = OccupancyFusion.Fuse(zone, readings, state, Minute(m));
            state = result.State;
            outputs.Add(result.Occupancy);
        }

        return outputs;
    }

    public static double[] Constant(int n, double value) => Enumerable.Repeat(value, n).ToArray();

    private static ZonePolygon Square() => new([[new GeoPoint(0, 0), new GeoPoint(0, 0.001), new GeoPoint(0.001, 0.001), new GeoPoint(0.001, 0)]]);
}
