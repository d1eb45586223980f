using Surgewatch.Core.Monitoring;

namespace Surgewatch.Core.Live;

/// <summary>
/// A counter's surge outlook on the zones' level ladder, so that the map and the lists colour a counter as they colour
/// a zone, and as its alert reads: <see cref="ZoneLevel.Warning"/> while the surge rule warns (the severity of its
/// <see cref="SurgeMonitor.RuleId"/> alert), <see cref="ZoneLevel.NoData"/> for a counter that has stopped reporting
/// (its alert is NoData too), and <see cref="ZoneLevel.Ok"/> otherwise.
/// </summary>
public static class CounterLevels
{
    /// <summary>The level of <paramref name="surge"/>.</summary>
    public static ZoneLevel Of(CounterSurge surge)
    {
        ArgumentNullException.ThrowIfNull(surge);
        if (!surge.Fresh)
        {
            return ZoneLevel.NoData;
        }

        return surge.Warned ? ZoneLevel.Warning : ZoneLevel.Ok;
    }
}
