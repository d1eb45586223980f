using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Server.Demo;

/// <summary>
/// The built-in synthetic city of <c>serve --demo</c>: 14 made-up zones around a city centre, each with a direct
/// occupancy counter (one has a mobile-network cell count instead) and a line counter in and out. Densities follow
/// daily and weekly rhythms; a scheduled concert fills the arena plaza on the demo Saturday evening, and one surge on
/// the riverside promenade climbs through warning, alarm and critical density within the first two simulated hours.
/// Every value is a pure function of the label, so history and the live feed agree.
/// </summary>
internal static class DemoCity
{
    public const string SiteZone = "Australia/Melbourne";
    public const string SurgeZone = "riverside-promenade";
    public const string EventZone = "arena-plaza";

    /// <summary>Minutes after the demo start at which the surge begins to build.</summary>
    public const int SurgeStartMinutes = 15;

    private const double CentreLatitude = -37.8136;
    private const double CentreLongitude = 144.9631;
    private const double MetresPerDegree = 111_320;
    private static readonly TimeSpan StartTime = new(17, 30, 0);

    public static IReadOnlyList<DemoZoneSpec> Specs { get; } =
    [
        new("central-station", "Central Station Concourse", -180, 40, 70, 30, 1.1, DemoRhythm.Commuter, Cell: true),
        new("riverside-promenade", "Riverside Promenade", -320, 120, 55, 14, 0.9, DemoRhythm.Leisure),
        new("arena-plaza", "Arena Plaza", -260, 620, 80, 24, 0.7, DemoRhythm.Leisure),
        new("market-square", "Market Square", 420, -260, 75, 26, 0.9, DemoRhythm.Retail),
        new("civic-forecourt", "Civic Forecourt", 260, 40, 50, 18, 0.6, DemoRhythm.Retail),
        new("mall-east", "East Mall", 60, 260, 60, 16, 1.0, DemoRhythm.Retail),
        new("mall-west", "West Mall", 60, -120, 60, 16, 0.9, DemoRhythm.Retail),
        new("library-lawn", "Library Lawn", 380, 140, 55, 20, 0.5, DemoRhythm.Leisure),
        new("harbour-walk", "Harbour Walk", -120, -620, 70, 20, 0.6, DemoRhythm.Leisure),
        new("west-station", "West Station Concourse", -40, -460, 65, 28, 1.0, DemoRhythm.Commuter),
        new("footbridge", "River Footbridge", -380, -80, 40, 8, 0.8, DemoRhythm.Commuter),
        new("gardens-gate", "Gardens Gate", -520, 360, 55, 15, 0.4, DemoRhythm.Leisure),
        new("theatre-row", "Theatre Row", 160, 480, 50, 14, 0.7, DemoRhythm.Leisure),
        new("tram-interchange", "Tram Interchange", 180, -300, 45, 18, 0.9, DemoRhythm.Commuter),
    ];

    /// <summary>The demo start: the last Saturday on or before <paramref name="now"/>'s site date, 17:30 site time.</summary>
    public static DateTimeOffset StartInstant(DateTimeOffset now, TimeZoneInfo site)
    {
        var local = TimeZoneInfo.ConvertTime(now, site).Date;
        var saturday = local.AddDays(-(((int)local.DayOfWeek + 1) % 7));
        var wall = saturday + StartTime;
        return new DateTimeOffset(wall, site.GetUtcOffset(wall));
    }

    public static IReadOnlyList<Zone> Zones()
    {
        var zones = new List<Zone>(Specs.Count);
        foreach (var spec in Specs)
        {
            var sources = new List<ZoneSource>
            {
                spec.Cell ? new ZoneSource(Sensor(spec, "cell"), ZoneSourceRole.CellDevices, CellFactor) : new ZoneSource(Sensor(spec, "occ"), ZoneSourceRole.Occupancy),
                new ZoneSource(Sensor(spec, "in"), ZoneSourceRole.LineIn),
                new ZoneSource(Sensor(spec, "out"), ZoneSourceRole.LineOut),
            };
            var area = spec.Side * spec.Side;
            zones.Add(Zone.Create(new ZoneId(spec.Id), spec.Name, Square(spec), area, spec.Width, (int)(area * 4), ZoneLevels.Default, sources));
        }

        return zones;
    }

    public static IReadOnlyList<Sensor> Sensors()
    {
        var sensors = new List<Sensor>();
        foreach (var spec in Specs)
        {
            var at = Offset(spec.North, spec.East);
            foreach (var kind in (string[])[spec.Cell ? "cell" : "occ", "in", "out"])
            {
                sensors.Add(new Sensor(Sensor(spec, kind), $"{spec.Name} ({KindName(kind)})", at, KindOf(kind), TimeSpan.FromMinutes(1)));
            }
        }

        return sensors;
    }

    /// <summary>Cell devices per person's share: persons = devices × this factor.</summary>
    public const double CellFactor = 1.25;

    /// <summary>Adds every sensor's reading for the minute ending at <paramref name="label"/> (counts over <paramref name="step"/>).</summary>
    public static void AddReadings(ObservationBatch batch, TimeLabel label, TimeSpan step, TimeLabel surgeStart)
    {
        foreach (var spec in Specs)
        {
            var area = spec.Side * spec.Side;
            var persons = DemoPatterns.Density(spec, label, surgeStart) * area;
            var before = DemoPatterns.Density(spec, label - step, surgeStart) * area;
            var minutes = step.TotalMinutes;
            var turnover = persons * 0.04 * minutes;
            var noise = DemoPatterns.Noise(spec.Id, label);
            batch.Add(batch.InternSensor(Sensor(spec, spec.Cell ? "cell" : "occ")), label, Math.Round(spec.Cell ? persons * noise / CellFactor : persons * noise));
            batch.Add(batch.InternSensor(Sensor(spec, "in")), label, Math.Round(turnover + Math.Max(0, persons - before)));
            batch.Add(batch.InternSensor(Sensor(spec, "out")), label, Math.Round(turnover + Math.Max(0, before - persons)));
        }
    }

    private static SensorId Sensor(DemoZoneSpec spec, string kind) => new($"{spec.Id}-{kind}");

    private static SensorKind KindOf(string kind) => kind switch
    {
        "cell" => SensorKind.DeviceCount,
        "occ" => SensorKind.Occupancy,
        _ => SensorKind.PedestrianCount,
    };

    private static string KindName(string kind) => kind switch
    {
        "cell" => "cell devices",
        "occ" => "occupancy",
        "in" => "line in",
        _ => "line out",
    };

    private static ZonePolygon Square(DemoZoneSpec spec)
    {
        var h = spec.Side / 2;
        var tilt = (spec.Id.Length % 5) * 4.0;
        var ring = new List<GeoPoint>(5);
        foreach (var (dn, de) in ((double, double)[])[(-h, -h), (-h, h), (h, h), (h, -h), (-h, -h)])
        {
            var (n, e) = Rotate(dn, de, tilt);
            ring.Add(Offset(spec.North + n, spec.East + e));
        }

        return new ZonePolygon([ring]);
    }

    private static (double N, double E) Rotate(double n, double e, double degrees)
    {
        var r = degrees * Math.PI / 180;
        return ((n * Math.Cos(r)) - (e * Math.Sin(r)), (n * Math.Sin(r)) + (e * Math.Cos(r)));
    }

    private static GeoPoint Offset(double north, double east) => new(
        CentreLatitude + (north / MetresPerDegree),
        CentreLongitude + (east / (MetresPerDegree * Math.Cos(CentreLatitude * Math.PI / 180))));
}
