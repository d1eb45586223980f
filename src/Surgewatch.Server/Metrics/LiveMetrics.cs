using System.Diagnostics.Metrics;
using Surgewatch.Server.Alerts;
using Surgewatch.Server.Deployment;
using Surgewatch.Server.Monitoring;

namespace Surgewatch.Server.Metrics;

/// <summary>
/// What an operations team scrapes about the live loop, on the <c>Surgewatch.Server</c> meter: per zone its persons,
/// density and level (the status the monitor published last); per counter its surge probability; the active alerts by
/// severity and state; how old the deployed model's forecasts are; and how long each monitor step took. Gauges are read
/// at each scrape from what the loop already published, so a scrape never steps or queries anything.
/// </summary>
internal sealed class LiveMetrics
{
    /// <summary>Upper bounds of the step-duration buckets, in seconds (the live step's budget is 50 ms a second).</summary>
    public static readonly double[] StepBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

    private static readonly string[] Severities = ["warning", "alarm", "critical"];
    private static readonly string[] ActiveStates = ["pending", "firing"];

    private readonly Histogram<double> _step;
    private readonly ZoneStatusBoard _board;
    private readonly LiveDeployment _deployment;
    private readonly TimeProvider _clock;
    private readonly object _sync = new();
    private IReadOnlyDictionary<(string Severity, string State), int> _alerts = new Dictionary<(string, string), int>();
    private (string Model, DateTimeOffset At)? _issued;

    public LiveMetrics(IMeterFactory meters, ZoneStatusBoard board, LiveDeployment deployment, TimeProvider clock)
    {
        _board = board;
        _deployment = deployment;
        _clock = clock;
        var meter = meters.Create(ServerMetrics.MeterName);
        _step = meter.CreateHistogram("surgewatch.live.step.duration", "s", "Time one monitor step took (fusion, Core's monitors, alert events and snapshots).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = StepBuckets });
        meter.CreateObservableGauge("surgewatch.zone.persons", () => Zones(s => s.Persons), description: "Persons in each zone at the last monitor step.");
        meter.CreateObservableGauge("surgewatch.zone.density", () => Zones(s => s.Density), description: "Density (persons/m²) in each zone at the last monitor step.");
        meter.CreateObservableGauge("surgewatch.zone.level", ZoneLevels, description: "Each zone's level at the last monitor step: 0 ok, 1 warning, 2 alarm, 3 critical, -1 no data.");
        meter.CreateObservableGauge("surgewatch.counter.surge.probability", CounterProbabilities, description: "Each counter's probability of a surge within the rule's horizon, from the deployed model.");
        meter.CreateObservableGauge("surgewatch.alerts.active", ActiveAlerts, description: "Active alerts (pending or firing) by severity and state.");
        meter.CreateObservableGauge("surgewatch.forecast.age", ForecastAge, "s", "Server-clock seconds since the deployed model last issued forecasts.");
    }

    /// <summary>Records how long one monitor step took.</summary>
    public void RecordStep(TimeSpan duration) => _step.Record(duration.TotalSeconds);

    /// <summary>Counts the active alerts by severity and state, after a step that changed any.</summary>
    public void SetAlerts(IEnumerable<AlertDto> alerts)
    {
        var counts = new Dictionary<(string, string), int>();
        foreach (var alert in alerts)
        {
            if (alert.State is "pending" or "firing")
            {
                counts[(alert.Severity, alert.State)] = counts.GetValueOrDefault((alert.Severity, alert.State)) + 1;
            }
        }

        lock (_sync)
        {
            _alerts = counts;
        }
    }

    /// <summary>Notes that <paramref name="model"/> issued forecasts now (server clock).</summary>
    public void ForecastsIssued(string model)
    {
        lock (_sync)
        {
            _issued = (model, _clock.GetUtcNow());
        }
    }

    /// <summary>The value a zone's level takes in <c>surgewatch.zone.level</c>.</summary>
    public static int LevelValue(string level) => Core.Monitoring.ZoneLevelLadder.Rank(Core.Monitoring.ZoneLevelLadder.Parse(level));

    private IEnumerable<Measurement<double>> Zones(Func<ZoneStatusDto, double?> value)
    {
        foreach (var status in _board.Own)
        {
            if (value(status) is { } v && double.IsFinite(v))
            {
                yield return new Measurement<double>(v, new KeyValuePair<string, object?>("zone", status.ZoneId));
            }
        }
    }

    private IEnumerable<Measurement<int>> ZoneLevels()
    {
        foreach (var status in _board.Own)
        {
            yield return new Measurement<int>(LevelValue(status.Level), new KeyValuePair<string, object?>("zone", status.ZoneId));
        }
    }

    private IEnumerable<Measurement<double>> CounterProbabilities()
    {
        // Only the node that runs the model reports its counters, as a node reports only the zones it steps.
        if (!_deployment.Runs)
        {
            yield break;
        }

        foreach (var counter in _deployment.Counters)
        {
            if (counter.Probability is { } p && double.IsFinite(p))
            {
                yield return new Measurement<double>(p, new("sensor", counter.SensorId), new("model", counter.Model));
            }
        }
    }

    private IEnumerable<Measurement<int>> ActiveAlerts()
    {
        IReadOnlyDictionary<(string Severity, string State), int> counts;
        lock (_sync)
        {
            counts = _alerts;
        }

        // Every severity and state is a series from the start, so a dashboard can tell none from not yet reported.
        foreach (var severity in Severities)
        {
            foreach (var state in ActiveStates)
            {
                yield return new Measurement<int>(counts.GetValueOrDefault((severity, state)), new("severity", severity), new("state", state));
            }
        }
    }

    private IEnumerable<Measurement<double>> ForecastAge()
    {
        (string Model, DateTimeOffset At)? issued;
        lock (_sync)
        {
            issued = _issued;
        }

        if (issued is { } last)
        {
            yield return new Measurement<double>(Math.Max(0, (_clock.GetUtcNow() - last.At).TotalSeconds), new KeyValuePair<string, object?>("model", last.Model));
        }
    }
}
