namespace Surgewatch.Core.Zones;

/// <summary>How serious a crossed level is, from least to most.</summary>
public enum Severity
{
    /// <summary>Crowding is building: watch it and prepare to reduce inflow.</summary>
    Warning = 0,

    /// <summary>Movement breaks down: act now (reduce inflow, open routes).</summary>
    Alarm = 1,

    /// <summary>Dangerous density: emergency measures.</summary>
    Critical = 2,
}
