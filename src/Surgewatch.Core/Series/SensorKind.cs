namespace Surgewatch.Core.Series;

/// <summary>What a sensor measures. Every kind is an anonymous aggregate over an interval.</summary>
public enum SensorKind
{
    /// <summary>People counted crossing a line per interval (both directions summed).</summary>
    PedestrianCount = 0,

    /// <summary>Devices counted in a mobile-network cell per interval.</summary>
    DeviceCount = 1,

    /// <summary>Mean road speed over the interval.</summary>
    RoadSpeed = 2,

    /// <summary>Vehicles counted per interval.</summary>
    RoadFlow = 3,

    /// <summary>People present in a zone at the interval start (a head count or an estimate).</summary>
    Occupancy = 4,
}
