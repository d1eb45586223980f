using Surgewatch.Core.Monitoring;

namespace Surgewatch.Core.Live;

/// <summary>
/// A counter's surge outlook on the zones' level ladder, so that the map, the lists and the briefing colour a counter
/// as they colour a zone: <see cref="ZoneLevel.Alarm"/> while the slot that has begun is warned (the surge is on),
/// <see cref="ZoneLevel.Warning"/> while the live forecasts announce a warned slot ahead, <see cref="ZoneLevel.NoData"/>
/// for a counter that has stopped reporting (its alert is NoData too), and <see cref="ZoneLevel.Ok"/> otherwise.
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

        if (!surge.Warned)
        {
            return ZoneLevel.Ok;
        }

        return surge.WarnedSlot is { } warned && warned > surge.Slot ? ZoneLevel.Warning : ZoneLevel.Alarm;
    }
}
