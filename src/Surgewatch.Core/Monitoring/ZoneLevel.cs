namespace Surgewatch.Core.Monitoring;

/// <summary>Where a zone stands against its levels, from best to worst, plus the state of not knowing.</summary>
public enum ZoneLevel
{
    /// <summary>Below every warning level.</summary>
    Ok = 0,

    /// <summary>At or above a warning level.</summary>
    Warning = 1,

    /// <summary>At or above an alarm level.</summary>
    Alarm = 2,

    /// <summary>At or above a critical level.</summary>
    Critical = 3,

    /// <summary>No source reports: the zone cannot be judged (never an all-clear).</summary>
    NoData = 4,
}
