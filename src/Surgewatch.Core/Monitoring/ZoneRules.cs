using Surgewatch.Core.Alerting;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Monitoring;

/// <summary>The default rules for a zone, built from its <see cref="ZoneLevels"/>.</summary>
/// <remarks>
/// Rule ids: <c>density-warning</c>, <c>density-alarm</c>, <c>density-critical</c> on the observed density;
/// <c>density-forecast-alarm-30m</c> and <c>density-forecast-alarm-60m</c> (one per horizon of the options): the 90%
/// upper forecast of density reaches the alarm level within the horizon; and, only for zones with a width,
/// <c>flow-warning</c>, <c>flow-alarm</c> and <c>flow-critical</c> on the observed flow (the last only when its level is
/// above the alarm level, which Fruin's scale does not give by default). Each resolves below
/// <see cref="MonitorOptions.ResolveFraction"/> of its level, and fires once its condition held for
/// <see cref="MonitorOptions.PendingFor"/>.
/// </remarks>
public static class ZoneRules
{
    /// <summary>The rules for <paramref name="zone"/>.</summary>
    public static IReadOnlyList<ZoneRule> For(Zone zone, MonitorOptions options)
    {
        var levels = zone.Levels;
        var rules = new List<ZoneRule>(8);
        foreach (var severity in (ReadOnlySpan<Severity>)[Severity.Warning, Severity.Alarm, Severity.Critical])
        {
            var level = levels.LevelFor(ZoneMeasure.Density, severity);
            rules.Add(Observed(ZoneMeasure.Density, severity, level, options));
        }

        foreach (var horizon in options.ForecastHorizons)
        {
            var id = $"density-forecast-alarm-{(int)horizon.TotalMinutes}m";
            var rule = AlertRule.OnForecast(id, Severity.Alarm, levels.DensityAlarm, levels.DensityAlarm * options.ResolveFraction, horizon) with { PendingFor = options.PendingFor };
            rules.Add(new ZoneRule(rule.Validated(), ZoneMeasure.Density));
        }

        if (zone.WidthMetres is > 0)
        {
            rules.Add(Observed(ZoneMeasure.Flow, Severity.Warning, levels.FlowWarning, options));
            rules.Add(Observed(ZoneMeasure.Flow, Severity.Alarm, levels.FlowAlarm, options));
            if (levels.FlowCritical > levels.FlowAlarm)
            {
                rules.Add(Observed(ZoneMeasure.Flow, Severity.Critical, levels.FlowCritical, options));
            }
        }

        return rules;
    }

    private static ZoneRule Observed(ZoneMeasure measure, Severity severity, double level, MonitorOptions options)
    {
        var id = $"{Name(measure)}-{Name(severity)}";
        return new ZoneRule((AlertRule.OnObserved(id, severity, level, level * options.ResolveFraction) with { PendingFor = options.PendingFor }).Validated(), measure);
    }

    private static string Name(ZoneMeasure measure) => measure == ZoneMeasure.Density ? "density" : "flow";

    private static string Name(Severity severity) => severity switch
    {
        Severity.Warning => "warning",
        Severity.Alarm => "alarm",
        _ => "critical",
    };
}
