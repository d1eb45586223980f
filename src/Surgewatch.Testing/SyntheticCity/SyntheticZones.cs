using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Testing.SyntheticCity;

/// <summary>
/// The synthetic city's zones (those of <c>serve --demo</c> and of the zone-forecast benchmark): 14 made-up zones
/// around the city centre, each with a direct occupancy counter (one has a mobile-network cell count instead) and a
/// line counter in and out. Densities follow the city's rhythms (<see cref="ZonePatterns"/>); a scheduled concert fills
/// the arena plaza on Saturday evenings, and a surge on the riverside promenade, when one is started, climbs through
/// warning, alarm and critical density within two hours. Every value is a pure function of the label (and the surge's
/// start), so history and the live feed agree.
/// </summary>
public static class SyntheticZones
{
    /// <summary>The IANA time zone of the city's labels.</summary>
    public const string SiteZone = "Australia/Melbourne";

    /// <summary>The zone where the surge builds.</summary>
    public const string SurgeZone = "riverside-promenade";

    /// <summary>The zone of the Saturday concert.</summary>
    public const string EventZone = "arena-plaza";

    /// <summary>Minutes after the demo start at which the demo's surge begins to build.</summary>
    public const int SurgeStartMinutes = 15;

    /// <summary>Cell devices per person's share: persons = devices × this factor.</summary>
    public const double CellFactor = 1.25;

    private const double CentreLatitude = -37.8136;
    private const double CentreLongitude = 144.9631;
    private const double MetresPerDegree = 111_320;
    private static readonly TimeSpan StartTime = new(17, 30, 0);

    /// <summary>The zones' layouts, sizes and kinds.</summary>
    public static IReadOnlyList<SyntheticZoneSpec> Specs { get; } =
    [
        new("central-station", "Central Station Concourse", -180, 40, 70, 30, 1.1, SensorProfile.Commuter, Cell: true),
        new("riverside-promenade", "Riverside Promenade", -320, 120, 55, 14, 0.9, SensorProfile.Riverside),
        new("arena-plaza", "Arena Plaza", -260, 620, 80, 24, 0.7, SensorProfile.Riverside),
        new("market-square", "Market Square", 420, -260, 75, 26, 0.9, SensorProfile.Retail),
        new("civic-forecourt", "Civic Forecourt", 260, 40, 50, 18, 0.6, SensorProfile.Retail),
        new("mall-east", "East Mall", 60, 260, 60, 16, 1.0, SensorProfile.Retail),
        new("mall-west", "West Mall", 60, -120, 60, 16, 0.9, SensorProfile.Retail),
        new("library-lawn", "Library Lawn", 380, 140, 55, 20, 0.5, SensorProfile.Riverside),
        new("harbour-walk", "Harbour Walk", -120, -620, 70, 20, 0.6, SensorProfile.Riverside),
        new("west-station", "West Station Concourse", -40, -460, 65, 28, 1.0, SensorProfile.Commuter),
        new("footbridge", "River Footbridge", -380, -80, 40, 8, 0.8, SensorProfile.Commuter),
        new("gardens-gate", "Gardens Gate", -520, 360, 55, 15, 0.4, SensorProfile.Riverside),
        new("theatre-row", "Theatre Row", 160, 480, 50, 14, 0.7, SensorProfile.Riverside),
        new("tram-interchange", "Tram Interchange", 180, -300, 45, 18, 0.9, SensorProfile.Commuter),
    ];

    /// <summary>The demo start: the last Saturday on or before <paramref name="now"/>'s site date, 17:30 site time.</summary>
    public static DateTimeOffset StartInstant(DateTimeOffset now, TimeZoneInfo site)
    {
        var local = TimeZoneInfo.ConvertTime(now, site).Date;
        var saturday = local.AddDays(-(((int)local.DayOfWeek + 1) % 7));
        var wall = saturday + StartTime;
        return new DateTimeOffset(wall, site.GetUtcOffset(wall));
    }

    /// <summary>The zones with their sources (occupancy or cell, line in, line out) and the default levels.</summary>
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

    /// <summary>The zones' sensors, reporting every <paramref name="step"/> (default a minute).</summary>
    public static IReadOnlyList<Sensor> Sensors(TimeSpan? step = null)
    {
        var sensors = new List<Sensor>();
        foreach (var spec in Specs)
        {
            var at = Offset(spec.North, spec.East);
            foreach (var kind in (string[])[spec.Cell ? "cell" : "occ", "in", "out"])
            {
                sensors.Add(new Sensor(Sensor(spec, kind), $"{spec.Name} ({KindName(kind)})", at, KindOf(kind), step ?? TimeSpan.FromMinutes(1)));
            }
        }

        return sensors;
    }

    /// <summary>
    /// Adds every sensor's reading for the step ending at <paramref name="label"/>: occupancy (or cell devices) as
    /// present then, line counts over <paramref name="step"/>; the surge starts at <paramref name="surgeStart"/> (none when null).
    /// </summary>
    public static void AddReadings(ObservationBatch batch, TimeLabel label, TimeSpan step, TimeLabel? surgeStart)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var spec in Specs)
        {
            var area = spec.Side * spec.Side;
            var persons = ZonePatterns.Density(spec, label, surgeStart) * area;
            var before = ZonePatterns.Density(spec, label - step, surgeStart) * area;
            var minutes = step.TotalMinutes;
            var turnover = persons * 0.04 * minutes;
            var noise = Noise.Factor(spec.Id, label);
            batch.Add(batch.InternSensor(Sensor(spec, spec.Cell ? "cell" : "occ")), label, Math.Round(spec.Cell ? persons * noise / CellFactor : persons * noise));
            batch.Add(batch.InternSensor(Sensor(spec, "in")), label, Math.Round(turnover + Math.Max(0, persons - before)));
            batch.Add(batch.InternSensor(Sensor(spec, "out")), label, Math.Round(turnover + Math.Max(0, before - persons)));
        }
    }

    private static SensorId Sensor(SyntheticZoneSpec spec, string kind) => new($"{spec.Id}-{kind}");

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

    private static ZonePolygon Square(SyntheticZoneSpec spec)
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

    /// <summary>The point <paramref name="north"/> and <paramref name="east"/> metres from the city centre.</summary>
    internal static GeoPoint Offset(double north, double east) => new(
        CentreLatitude + (north / MetresPerDegree),
        CentreLongitude + (east / (MetresPerDegree * Math.Cos(CentreLatitude * Math.PI / 180))));
}
