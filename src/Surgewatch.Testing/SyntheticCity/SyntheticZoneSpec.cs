namespace Surgewatch.Testing.SyntheticCity;

/// <summary>One zone of the synthetic city: where it lies, how big it is and how busy it usually gets.</summary>
/// <param name="Id">Zone id.</param>
/// <param name="Name">Display name (made up).</param>
/// <param name="North">Metres north of the centre.</param>
/// <param name="East">Metres east of the centre.</param>
/// <param name="Side">Side of the square zone, metres.</param>
/// <param name="Width">The width its line counters span, metres.</param>
/// <param name="PeakDensity">Usual peak density above the floor, persons/m².</param>
/// <param name="Profile">The kind of place, which sets the shape of its day and week (the counters' <see cref="Rhythm"/>).</param>
/// <param name="Cell">Whether its occupancy comes from a mobile-network cell count instead of a direct counter.</param>
public sealed record SyntheticZoneSpec(string Id, string Name, double North, double East, double Side, double Width, double PeakDensity, SensorProfile Profile, bool Cell = false);
