using Surgewatch.Core.Alerting;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Roads;

/// <summary>One road sensor's outlook after an issue of <see cref="CongestionMonitor"/>.</summary>
/// <param name="Sensor">The road sensor.</param>
/// <param name="Threshold">Its congested speed (NaN: no free-flow speed yet; never warned).</param>
/// <param name="Slot">The slot that has just begun (the issue slot).</param>
/// <param name="Level">Its level from the latest reading (no-data for an outage).</param>
/// <param name="ForecastLevel">The level of the lowest speed forecast over the window (no-data without a forecast).</param>
/// <param name="Probability">The probability of congestion within the window; null when congested now or without a forecast.</param>
/// <param name="Warned">Whether the road is warned now: observed congested (for the congestion's shortest run, 15 min), inside a warned window, or kept firing.</param>
/// <param name="Fresh">Whether the road reported in the last two slots (otherwise its alert is NoData).</param>
public readonly record struct RoadOutlook(SensorId Sensor, double Threshold, TimeLabel Slot, CongestionLevel Level, CongestionLevel ForecastLevel, double? Probability, bool Warned, bool Fresh);

/// <summary>
/// The live road congestion warnings: the deployed <see cref="CongestionRule"/> run slot by slot, exactly as
/// <see cref="CongestionRule.Flag"/> runs it over a test period. <c>Issue</c> is called once per slot, when a slot
/// begins, with the model's forecasts of the window from the readings up to the slot before; it decides each road
/// (<see cref="CongestionRule.Decide"/>), keeps the same-kind-of-day profile of the window up to date one slot at a
/// time, settles the slot before (warned when a warned window covers it, when its reading is congested, or by
/// keep-firing) and reports each road's outlook. <see cref="SensorAlertMonitor.Evaluate"/> runs the alert lifecycle on the outlooks (rule
/// <see cref="RuleId"/>, one alert per road). Pure and deterministic, like the counters' <c>SurgeMonitor</c>.
/// </summary>
public sealed class CongestionMonitor : SensorAlertMonitor
{
    /// <summary>The id of the road congestion alert rule.</summary>
    public const string RuleId = "road-congestion";

    private readonly CongestionRule _rule;
    private readonly int _window;
    private readonly int _keep;
    private readonly int _run;
    private readonly double[] _profile;
    private readonly long[] _profileSlot;
    private readonly long[] _coveredTo;
    private readonly int[] _streak;
    private readonly long[] _decided;
    private readonly long[] _lastWarned;
    private readonly long[] _settled;
    private readonly bool[] _settledWarned;
    private RoadOutlook[] _latest = [];
    private IReadOnlyList<RoadOutlook> _covered = [];
    private SeriesPanel? _indexed;
    private int[] _series = [];

    /// <summary>
    /// A monitor that warns with <paramref name="rule"/> about the roads of <paramref name="covers"/> (every road when
    /// null): it forecasts, warns and holds alerts for those alone, each as a monitor of every road would.
    /// </summary>
    public CongestionMonitor(CongestionRule rule, SensorGroups? covers = null)
        : base(RuleId, rule?.Sensors ?? throw new ArgumentNullException(nameof(rule)), rule.Step, covers ?? SensorGroups.All)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _rule = rule;
        _window = rule.Window;
        _keep = (int)Math.Round(rule.Road.KeepFiring / rule.Step);
        _run = rule.Road.Onsets.RunSlots(rule.Step);
        var n = rule.Sensors.Count;
        _profile = new double[n * _window];
        _profileSlot = Filled(n * _window, long.MinValue);
        _coveredTo = Filled(n, long.MinValue);
        _streak = new int[n];
        _decided = Filled(n, long.MinValue);
        _lastWarned = Filled(n, long.MinValue);
        _settled = Filled(n, long.MinValue);
        _settledWarned = new bool[n];
    }

    /// <summary>The rule this monitor warns with.</summary>
    public CongestionRule Rule => _rule;

    /// <summary>How many slots before the current one a newly deployed monitor replays to rebuild its warnings in progress: the window and the keep-firing time.</summary>
    public int ReplayLength => _window + _keep + _rule.Road.ConfirmSlots;

    /// <summary>Each road's outlook after the last issue.</summary>
    public IReadOnlyList<RoadOutlook> Latest => _covered;

    /// <summary>
    /// Whether the slot before the last issue of road <paramref name="road"/> (index into the rule's sensors) was settled
    /// as warned: the slot the warning evaluation scores, once its reading is known.
    /// </summary>
    public bool SettledWarned(int road) => _settledWarned[road];

    /// <summary>Forecasts the window with <paramref name="forecaster"/> (loaded onto <paramref name="panel"/>) and issues at <paramref name="issueSlot"/>.</summary>
    public IReadOnlyList<RoadOutlook> Issue(SeriesPanel panel, int issueSlot, IForecaster forecaster)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(forecaster);
        ArgumentOutOfRangeException.ThrowIfLessThan(issueSlot, 1);
        var forecasts = new double[panel.Sensors.Count * _window];
        BatchPrediction.Predict(forecaster, new ForecastOrigin(panel, issueSlot - 1), BatchPrediction.SeriesOf(panel, Covers), forecasts);
        return Issue(panel, issueSlot, forecasts);
    }

    /// <summary>
    /// Issues at <paramref name="issueSlot"/> (the slot that begins; readings of <paramref name="panel"/> are known up to
    /// the slot before) from the model's forecasts of the window made from that origin: series s, step h at
    /// <c>s × window + h − 1</c>. Issues come in slot order, one per slot.
    /// </summary>
    public IReadOnlyList<RoadOutlook> Issue(SeriesPanel panel, int issueSlot, ReadOnlySpan<double> forecasts)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentOutOfRangeException.ThrowIfLessThan(issueSlot, 1);
        var now = panel.LabelAt(issueSlot);
        var outlook = new RoadOutlook[_rule.Sensors.Count];
        var covered = new List<RoadOutlook>(outlook.Length);
        Span<double> profile = stackalloc double[_window];
        if (!ReferenceEquals(panel, _indexed))
        {
            // Where each road is on the panel: looked up once per panel rather than once per road and slot.
            _series = [.. _rule.Sensors.Select(panel.IndexOf)];
            _indexed = panel;
        }

        for (var r = 0; r < outlook.Length; r++)
        {
            if (!IsCovered(r))
            {
                continue;
            }

            var series = _series[r];
            var threshold = _rule.Thresholds[r];
            if (series < 0 || double.IsNaN(threshold))
            {
                outlook[r] = new RoadOutlook(_rule.Sensors[r], threshold, now, CongestionLevel.NoData, CongestionLevel.NoData, null, false, false);
                covered.Add(outlook[r]);
                continue;
            }

            var values = panel.Values(series);
            Settle(r, issueSlot - 1, values, threshold);
            var forecast = forecasts.Slice(series * _window, _window);
            Profile(r, panel, values[..issueSlot], issueSlot, profile);
            var decision = _rule.Decide(r, values[issueSlot - 1], forecast, profile);

            // Issues in a row whose decision warned; an issue skipped (a gap in the issues) breaks the row.
            _streak[r] = decision.Warns ? (_decided[r] == issueSlot - 1 ? _streak[r] + 1 : 1) : 0;
            _decided[r] = issueSlot;
            if (_streak[r] >= _rule.Road.ConfirmSlots)
            {
                _coveredTo[r] = Math.Max(_coveredTo[r], issueSlot + _window - 1);
            }

            var freeFlow = threshold / _rule.Road.Ladder.Congested;
            var kept = _lastWarned[r] != long.MinValue && issueSlot - 1 - _lastWarned[r] <= _keep;
            var observed = CongestionRule.ObservedRun(values, issueSlot - 1, threshold, _run);
            var warned = observed || issueSlot <= _coveredTo[r] || kept;
            var fresh = !double.IsNaN(values[issueSlot - 1]) || (issueSlot >= 2 && !double.IsNaN(values[issueSlot - 2]));
            outlook[r] = new RoadOutlook(
                _rule.Sensors[r], threshold, now, _rule.Road.Ladder.Of(values[issueSlot - 1], freeFlow), _rule.Road.Ladder.Of(Lowest(forecast), freeFlow),
                double.IsNaN(decision.Probability) ? null : decision.Probability, warned, fresh);
            covered.Add(outlook[r]);
        }

        _latest = outlook;
        _covered = covered;
        return covered;
    }

    /// <summary>A road's alert sample from its latest outlook; null for one without a congested speed (never warned).</summary>
    private protected override AlertSample? Sample(int r) =>
        r < _latest.Length && IsCovered(r) ? SubjectAlerts.Sample(!double.IsNaN(_latest[r].Threshold), _latest[r].Fresh, _latest[r].Warned) : null;

    private static double Lowest(ReadOnlySpan<double> speeds)
    {
        var lowest = double.NaN;
        foreach (var speed in speeds)
        {
            if (speed > 0 && !(speed >= lowest))
            {
                lowest = speed;
            }
        }

        return lowest;
    }

    /// <summary>
    /// Settles slot <paramref name="slot"/>, whose reading is now known, as <see cref="CongestionRule.Flag"/> flags it:
    /// warned when a warned window covers it or it ends an observed congestion (a run of the congestion's shortest
    /// length), or else kept firing within the keep-firing time after the last slot warned so.
    /// </summary>
    private void Settle(int r, int slot, ReadOnlySpan<double> values, double threshold)
    {
        if (_settled[r] >= slot)
        {
            return;
        }

        _settled[r] = slot;
        var warned = slot <= _coveredTo[r] || CongestionRule.ObservedRun(values, slot, threshold, _run);
        if (warned)
        {
            _lastWarned[r] = slot;
        }

        _settledWarned[r] = warned || (_lastWarned[r] != long.MinValue && slot - _lastWarned[r] <= _keep);
    }

    /// <summary>
    /// The profile of the window from <paramref name="issueSlot"/>: each slot's value is computed once, when it enters
    /// the window, and kept for the slots after (the readings it is made of are at least a day old, so they do not change).
    /// </summary>
    private void Profile(int r, SeriesPanel panel, ReadOnlySpan<double> known, int issueSlot, Span<double> profile)
    {
        for (var h = 0; h < _window; h++)
        {
            var target = issueSlot + h;
            var cell = (r * _window) + (target % _window);
            if (_profileSlot[cell] != target)
            {
                _profile[cell] = DayKindProfile.At(known, panel.Start, panel.Step, target, _rule.Road.ProfileDays, CongestionRule.Usable);
                _profileSlot[cell] = target;
            }

            profile[h] = _profile[cell];
        }
    }
}
