using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Benchmarks.Live;

/// <summary>
/// Synthetic zones for the live-step benchmarks, generated (never read from ../shared): each zone has a direct
/// (occupancy) or cell source, or both, and every other zone a line-in/line-out pair and a width (so flow rules too).
/// By zone number modulo 100: 0–88 sit below the warning level, 89–94 above it, 95–97 above the alarm level, 98 above
/// the critical level, 99 has no data; densities swing ±15 % over an hour so forecast rules see a slope.
/// </summary>
internal sealed class LiveZones
{
    /// <summary>Minutes of precomputed estimates and forecasts; the benchmarks cycle through them.</summary>
    public const int Minutes = 60;

    /// <summary>Points of each zone's forecast (every five minutes, two hours ahead, as the server's zone forecasts).</summary>
    public const int ForecastPoints = 24;

    private const double Area = 2_000;
    private static readonly ZonePolygon Square = new([[new GeoPoint(0, 0), new GeoPoint(0, 0.001), new GeoPoint(0.001, 0.001), new GeoPoint(0.001, 0)]]);

    private readonly ZoneOccupancy?[][] _byMinute;
    private readonly double[][] _upperByMinute;

    public LiveZones(int count, DateTimeOffset start)
    {
        Start = start;
        var zones = new Zone[count];
        _byMinute = new ZoneOccupancy?[Minutes][];
        _upperByMinute = new double[Minutes][];
        for (var m = 0; m < Minutes; m++)
        {
            _byMinute[m] = new ZoneOccupancy?[count];
            _upperByMinute[m] = new double[count];
        }

        for (var z = 0; z < count; z++)
        {
            zones[z] = NewZone(z);
            for (var m = 0; m < Minutes; m++)
            {
                var density = Density(z, m);
                _byMinute[m][z] = double.IsNaN(density) ? null : Estimate(zones[z], start + TimeSpan.FromMinutes(m), density, z);
                _upperByMinute[m][z] = density * 1.25;
            }
        }

        Zones = zones;
        Readings = [.. zones.Select(z => Window(z, start))];
        Occupancies = new Dictionary<ZoneId, ZoneOccupancy>(count);
        Forecasts = new Dictionary<ZoneId, IReadOnlyList<ForecastBound>>(count);
        Bounds = new ForecastBound[count][];
        for (var z = 0; z < count; z++)
        {
            Bounds[z] = new ForecastBound[ForecastPoints];
            Forecasts[zones[z].Id] = Bounds[z];
        }
    }

    public DateTimeOffset Start { get; }

    public IReadOnlyList<Zone> Zones { get; }

    /// <summary>Each zone's readings over the 30 minutes up to <see cref="Start"/> (the window the server fuses), one a minute per source.</summary>
    public IReadOnlyList<IReadOnlyDictionary<SensorId, IReadOnlyList<SensorReading>>> Readings { get; }

    /// <summary>The estimates of the current minute (see <see cref="Show"/>); zones without data are absent.</summary>
    public Dictionary<ZoneId, ZoneOccupancy> Occupancies { get; }

    /// <summary>The forecasts of the current minute, over <see cref="Bounds"/>.</summary>
    public Dictionary<ZoneId, IReadOnlyList<ForecastBound>> Forecasts { get; }

    /// <summary>Each zone's forecast points, rewritten in place by <see cref="Show"/>.</summary>
    public ForecastBound[][] Bounds { get; }

    /// <summary>Sets <see cref="Occupancies"/> and <see cref="Forecasts"/> to the minute of <paramref name="now"/>, in place (no allocation).</summary>
    public void Show(DateTimeOffset now)
    {
        var minute = (int)((now - Start).Ticks / TimeSpan.TicksPerMinute % Minutes);
        var minuteStart = Start + TimeSpan.FromMinutes((now - Start).Ticks / TimeSpan.TicksPerMinute);
        for (var z = 0; z < Zones.Count; z++)
        {
            if (_byMinute[minute][z] is { } occupancy)
            {
                Occupancies[Zones[z].Id] = occupancy;
            }
            else
            {
                Occupancies.Remove(Zones[z].Id);
            }

            var upper = _upperByMinute[minute][z];
            for (var p = 0; p < ForecastPoints; p++)
            {
                Bounds[z][p] = new ForecastBound(minuteStart + TimeSpan.FromMinutes(5 * (p + 1)), upper * (1 + (0.01 * p)));
            }
        }
    }

    private static Zone NewZone(int z)
    {
        var id = $"zone-{z:D4}";
        var sources = new List<ZoneSource>(4);
        if (z % 3 != 1)
        {
            sources.Add(new ZoneSource(new SensorId($"{id}-occ"), ZoneSourceRole.Occupancy));
        }

        if (z % 3 != 0)
        {
            sources.Add(new ZoneSource(new SensorId($"{id}-cell"), ZoneSourceRole.CellDevices, 1.3));
        }

        var lines = z % 2 == 0;
        if (lines)
        {
            sources.Add(new ZoneSource(new SensorId($"{id}-in"), ZoneSourceRole.LineIn));
            sources.Add(new ZoneSource(new SensorId($"{id}-out"), ZoneSourceRole.LineOut));
        }

        return Zone.Create(new ZoneId(id), id, Square, areaSquareMetres: Area, widthMetres: lines ? 10 : null, sources: sources);
    }

    /// <summary>Persons per m² of zone <paramref name="z"/> in minute <paramref name="m"/>; NaN for a zone without data.</summary>
    private static double Density(int z, int m)
    {
        var band = z % 100;
        double level = band switch
        {
            99 => double.NaN,
            98 => 5.6,
            >= 95 => 4.5,
            >= 89 => 2.4,
            _ => 0.3 + (1.3 * ((z * 37) % 89) / 89.0),
        };
        return level * (1 + (0.15 * Math.Sin(2 * Math.PI * (m + z) / Minutes)));
    }

    private static ZoneOccupancy Estimate(Zone zone, DateTimeOffset at, double density, int z)
    {
        var sources = zone.Sources.Select(s => new SourceFreshness(s.Sensor, s.Role, at, false)).ToArray();
        double? flow = zone.WidthMetres is null ? null : 20 + (z % 7 * 10);
        return new ZoneOccupancy(zone.Id, at, density * Area, density, flow, 0.9, false, false, sources);
    }

    /// <summary>The <paramref name="i"/>th minute's reading of a source in <paramref name="role"/>.</summary>
    public static double ValueOf(ZoneSourceRole role, int i) => role switch
    {
        ZoneSourceRole.LineIn => 50 + (i % 11),
        ZoneSourceRole.LineOut => 48 + (i % 13),
        ZoneSourceRole.CellDevices => Area / 1.3 * (1 + (0.01 * (i % 5))),
        _ => Area * (1 + (0.01 * (i % 7))),
    };

    /// <summary>A reading a minute for every source over the 30 minutes to <paramref name="end"/>: level sources near 1 person/m², line counters 40–60 a minute.</summary>
    private static Dictionary<SensorId, IReadOnlyList<SensorReading>> Window(Zone zone, DateTimeOffset end)
    {
        var readings = new Dictionary<SensorId, IReadOnlyList<SensorReading>>(zone.Sources.Count);
        foreach (var source in zone.Sources)
        {
            var list = new SensorReading[30];
            for (var i = 0; i < list.Length; i++)
            {
                var at = end - TimeSpan.FromMinutes(29 - i);
                list[i] = new SensorReading(at, ValueOf(source.Role, i));
            }

            readings[source.Sensor] = list;
        }

        return readings;
    }
}
