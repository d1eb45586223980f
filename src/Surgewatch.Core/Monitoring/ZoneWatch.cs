using Surgewatch.Core.Alerting;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Monitoring;

/// <summary>
/// What <see cref="ZoneMonitor"/> keeps per zone between steps: its density history, and its rules with their alert keys
/// and the look-ahead rule of its forecast level. The rules are built once and again only when the zone's levels or
/// width change: building them formats and validates every rule, which for a thousand zones every second costs more
/// than evaluating them.
/// </summary>
internal sealed class ZoneWatch(DensityHistory history)
{
    private ZoneLevels? _levels;
    private bool _hasWidth;

    public DensityHistory History { get; } = history;

    /// <summary>The zone's rules (<see cref="ZoneRules.For"/>).</summary>
    public IReadOnlyList<ZoneRule> Rules { get; private set; } = [];

    /// <summary>The alert key of each rule, in the order of <see cref="Rules"/>.</summary>
    public string[] Keys { get; private set; } = [];

    /// <summary>The rule the forecast level is read with, or null when the options have no forecast horizon.</summary>
    public ZoneRule? LookAhead { get; private set; }

    /// <summary>Rebuilds the rules when <paramref name="zone"/>'s levels or width differ from those they were built for.</summary>
    public void Follow(Zone zone, MonitorOptions options, TimeSpan lookAhead)
    {
        var hasWidth = zone.WidthMetres is > 0;
        if (_levels is not null && _levels.Equals(zone.Levels) && hasWidth == _hasWidth)
        {
            return;
        }

        var rules = ZoneRules.For(zone, options);
        var keys = new string[rules.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = AlertStatus.KeyOf(rules[i].Rule.Id, zone.Id.Value);
        }

        LookAhead = lookAhead <= TimeSpan.Zero ? null : new ZoneRule(
            AlertRule.OnForecast("forecast-level", Severity.Alarm, zone.Levels.DensityAlarm, 0, lookAhead), ZoneMeasure.Density);
        (Rules, Keys, _levels, _hasWidth) = (rules, keys, zone.Levels, hasWidth);
    }
}
