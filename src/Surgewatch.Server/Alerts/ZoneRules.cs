using Surgewatch.Core.Alerting;
using Surgewatch.Core.Zones;

namespace Surgewatch.Server.Alerts;

/// <summary>The alert rules of a zone: one per severity on observed density, and on flow when the zone has a width.</summary>
internal static class ZoneRules
{
    private const double Hysteresis = 0.9;

    public static IReadOnlyList<(AlertRule Rule, ZoneMeasure Measure)> For(Zone zone)
    {
        var rules = new List<(AlertRule, ZoneMeasure)>(6);
        foreach (var severity in (Severity[])[Severity.Warning, Severity.Alarm, Severity.Critical])
        {
            rules.Add((Rule(zone, ZoneMeasure.Density, severity), ZoneMeasure.Density));
            if (zone.WidthMetres is > 0 && !(severity == Severity.Critical && zone.Levels.FlowCritical <= zone.Levels.FlowAlarm))
            {
                rules.Add((Rule(zone, ZoneMeasure.Flow, severity), ZoneMeasure.Flow));
            }
        }

        return rules;
    }

    public static Severity SeverityOf(string ruleId) =>
        ruleId.EndsWith("critical", StringComparison.Ordinal) ? Severity.Critical
        : ruleId.EndsWith("alarm", StringComparison.Ordinal) ? Severity.Alarm : Severity.Warning;

    private static AlertRule Rule(Zone zone, ZoneMeasure measure, Severity severity)
    {
        var level = zone.Levels.LevelFor(measure, severity);
        var id = $"{measure.ToString().ToLowerInvariant()}-{severity.ToString().ToLowerInvariant()}";
        return AlertRule.OnObserved(id, severity, level, level * Hysteresis);
    }
}
