namespace Surgewatch.Core.Zones;

/// <summary>What a sensor's readings tell about a zone.</summary>
public enum ZoneSourceRole
{
    /// <summary>People counted crossing a line into the zone per interval (one direction of a line counter).</summary>
    LineIn = 0,

    /// <summary>People counted crossing a line out of the zone per interval (the other direction).</summary>
    LineOut = 1,

    /// <summary>People counted crossing a line in either direction per interval: gives flow, not occupancy.</summary>
    LineTotal = 2,

    /// <summary>A direct estimate of the persons present, such as a head count made on a counting camera.</summary>
    Occupancy = 3,

    /// <summary>Devices attached to a mobile-network cell; times the source's factor gives persons.</summary>
    CellDevices = 4,
}
