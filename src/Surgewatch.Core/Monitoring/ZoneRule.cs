using Surgewatch.Core.Alerting;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Monitoring;

/// <summary>An alert rule as applied to zones: the rule plus the measure it reads.</summary>
/// <param name="Rule">The rule (its id is the same for every zone; the zone is the alert's subject).</param>
/// <param name="Measure">Density or flow.</param>
public sealed record ZoneRule(AlertRule Rule, ZoneMeasure Measure);
