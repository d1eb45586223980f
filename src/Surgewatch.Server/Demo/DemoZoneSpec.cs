namespace Surgewatch.Server.Demo;

/// <summary>The daily rhythm of a demo zone.</summary>
internal enum DemoRhythm
{
    Commuter,
    Retail,
    Leisure,
}

/// <summary>One zone of the demo city: where it lies, how big it is and how busy it usually gets.</summary>
/// <param name="Id">Zone id.</param>
/// <param name="Name">Display name (made up).</param>
/// <param name="North">Metres north of the centre.</param>
/// <param name="East">Metres east of the centre.</param>
/// <param name="Side">Side of the square zone, metres.</param>
/// <param name="Width">The width its line counters span, metres.</param>
/// <param name="PeakDensity">Usual peak density, persons/m².</param>
/// <param name="Rhythm">Its daily rhythm.</param>
/// <param name="Cell">Whether its occupancy comes from a mobile-network cell count instead of a direct counter.</param>
internal sealed record DemoZoneSpec(string Id, string Name, double North, double East, double Side, double Width, double PeakDensity, DemoRhythm Rhythm, bool Cell = false);
