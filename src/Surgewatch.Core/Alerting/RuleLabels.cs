namespace Surgewatch.Core.Alerting;

/// <summary>How a person reads an alert rule: its display name, and the unit of the value it compares.</summary>
/// <param name="Name">A readable name, such as "Density alarm" or "Density alarm forecast (30 min)".</param>
/// <param name="Unit">The unit of the alert's value (persons/m², persons/m/min), or null when the value has none.</param>
public sealed record RuleLabel(string Name, string? Unit);

/// <summary>
/// The one table of rule display names and units, for the API, the dashboard and messages. Covers the zone rules of
/// <see cref="Monitoring.ZoneRules"/> (density, flow, and the density forecast per horizon), the counter surge rule and
/// the road congestion rule, whose alerts hosts show with the probability of a surge or of congestion within the hour (0–1; the lifecycle's own sample is only 1 while the
/// counter is warned, so a stored event's value of it is no probability); any other rule id is shown as it is.
/// </summary>
public static class RuleLabels
{
    /// <summary>persons/m²: a zone's density.</summary>
    public const string Density = "persons/m²";

    /// <summary>persons/m/min: a zone's flow through its width.</summary>
    public const string Flow = "persons/m/min";

    /// <summary>A probability from 0 to 1 (shown as a percentage): a counter's chance of reaching its surge threshold, a road's of congestion within the hour.</summary>
    public const string Probability = "probability";

    private const string ForecastPrefix = "density-forecast-alarm-";

    private static readonly Dictionary<string, RuleLabel> Table = new(StringComparer.Ordinal)
    {
        ["density-warning"] = new("Density warning", Density),
        ["density-alarm"] = new("Density alarm", Density),
        ["density-critical"] = new("Density critical", Density),
        ["flow-warning"] = new("Flow warning", Flow),
        ["flow-alarm"] = new("Flow alarm", Flow),
        ["flow-critical"] = new("Flow critical", Flow),
        [Live.SurgeMonitor.RuleId] = new("Counter surge warning", Probability),
        [Roads.CongestionMonitor.RuleId] = new("Road congestion warning", Probability),
    };

    /// <summary>The label of <paramref name="ruleId"/>; an unknown id is its own name, without a unit.</summary>
    public static RuleLabel Of(string ruleId)
    {
        if (Table.TryGetValue(ruleId, out var label))
        {
            return label;
        }

        // density-forecast-alarm-30m: one rule per horizon of the monitor's options.
        if (ruleId.StartsWith(ForecastPrefix, StringComparison.Ordinal) && ruleId.EndsWith('m')
            && int.TryParse(ruleId.AsSpan(ForecastPrefix.Length, ruleId.Length - ForecastPrefix.Length - 1), out var minutes))
        {
            return new RuleLabel($"Density alarm forecast ({minutes} min)", Density);
        }

        return new RuleLabel(ruleId, null);
    }
}
