namespace Surgewatch.Core.Series;

/// <summary>
/// The values a reading of each <see cref="SensorKind"/> may take. A reading outside them is a fault of the
/// sender (a unit mix-up, an overflowed counter, a probe), never data: counts are whole, not negative and at most
/// <see cref="MaxCount"/> per reading; speeds are between 0 and <see cref="MaxSpeed"/>. Bounding every stored value
/// also bounds every sum, mean and density computed from them, so no view can overflow to infinity.
/// </summary>
public static class PlausibleValues
{
    /// <summary>The largest count one reading may carry (ten million, far above any crowd or cell in one interval).</summary>
    public const double MaxCount = 10_000_000;

    /// <summary>The largest road speed accepted, in km/h (or mph: either way no road vehicle goes faster).</summary>
    public const double MaxSpeed = 400;

    /// <summary>Whether <paramref name="kind"/> counts things (people, devices, vehicles), so cannot be negative.</summary>
    public static bool IsCount(SensorKind kind) =>
        kind is SensorKind.PedestrianCount or SensorKind.DeviceCount or SensorKind.Occupancy or SensorKind.RoadFlow;

    /// <summary>
    /// Whether readings of <paramref name="kind"/> are whole numbers: people counted across a line and devices in a
    /// cell are. Occupancy may be an estimate or an interval mean, and road flow an hourly rate, so both may be fractional.
    /// </summary>
    public static bool IsWhole(SensorKind kind) => kind is SensorKind.PedestrianCount or SensorKind.DeviceCount;

    /// <summary>The largest value a reading of <paramref name="kind"/> may take.</summary>
    public static double Max(SensorKind kind) => kind == SensorKind.RoadSpeed ? MaxSpeed : MaxCount;

    /// <summary>
    /// Whether <paramref name="value"/> is a plausible reading of <paramref name="kind"/>; when not,
    /// <paramref name="problem"/> says why in words a sender can act on (without the value itself, which the caller quotes).
    /// </summary>
    public static bool IsPlausible(SensorKind kind, double value, out string problem)
    {
        problem = !double.IsFinite(value) ? "is not a finite number"
            : value < 0 ? $"is negative; {Describe(kind)} cannot be negative"
            : value > Max(kind) ? $"is larger than {Max(kind):0.##########}, the most a reading of {Describe(kind)} may be"
            : IsWhole(kind) && Math.Floor(value) != value ? $"is not a whole number; {Describe(kind)} count whole people or devices"
            : string.Empty;
        return problem.Length == 0;
    }

    private static string Describe(SensorKind kind) => kind switch
    {
        SensorKind.PedestrianCount => "pedestrian counts",
        SensorKind.DeviceCount => "device counts",
        SensorKind.RoadSpeed => "road speeds",
        SensorKind.RoadFlow => "road flows",
        SensorKind.Occupancy => "occupancy counts",
        _ => kind.ToString(),
    };
}
