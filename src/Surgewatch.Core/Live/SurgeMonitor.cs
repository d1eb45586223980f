using Surgewatch.Core.Alerting;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Live;

/// <summary>
/// The live counter surge warnings: the deployed <see cref="SurgeRule"/> run slot by slot, exactly as the warning
/// evaluation runs it over a test period. <c>Issue</c> is called once per slot, when a slot begins: it forecasts
/// every counter from the readings up to the slot before (the live horizons, and at midnight the whole day ahead),
/// turns each forecast into the calibrated probability of reaching the counter's threshold, settles the warning of the
/// slot that begins (<see cref="ExceedanceRule.WarningKinds"/>, then keep-firing) and reports each counter's outlook.
/// <see cref="SensorAlertMonitor.Evaluate"/> runs the alert lifecycle on those outlooks (rule <see cref="RuleId"/>, one alert per counter)
/// at any rate. Pure and deterministic: the same readings give the same warnings, so after a restart the host replays
/// the last day of slots through <c>Issue</c> (<see cref="ReplayLength"/>) and restores the alert snapshots.
/// </summary>
public sealed class SurgeMonitor : SensorAlertMonitor
{
    /// <summary>The id of the counters' surge-warning alert rule.</summary>
    public const string RuleId = "counter-surge";

    /// <summary>Settled warnings kept for the episode log, per counter, before the oldest closed episodes are dropped.</summary>
    public const int MaxEpisodes = 10_000;

    private readonly SurgeRule _rule;
    private readonly WarningEvaluationOptions _options;
    private readonly int _horizon;
    private readonly int _kinds;
    private readonly int _perDay;
    private readonly int _keep;
    private readonly int _ring;
    private readonly double[] _probability;
    private readonly long[] _stamp;
    private readonly long[] _lastWarned;
    private readonly long[] _pendingIssue;
    private readonly long[] _pendingTarget;
    private readonly Episode?[] _open;
    private readonly List<WarningEpisode> _episodes = [];
    private CounterSurge[] _latest = [];
    private IReadOnlyList<CounterSurge> _covered = [];

    /// <summary>
    /// A monitor that warns with <paramref name="rule"/> about the counters of <paramref name="covers"/> (every counter
    /// when null): it forecasts, warns and holds alerts for those alone, and gives each of them what a monitor of every
    /// counter would (the rule decides each counter from its own forecasts and readings).
    /// </summary>
    public SurgeMonitor(SurgeRule rule, SensorGroups? covers = null)
        : base(RuleId, rule?.Sensors ?? throw new ArgumentNullException(nameof(rule)), rule.Step, covers ?? SensorGroups.All)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _rule = rule;
        _options = rule.Options.Validated();
        _horizon = _options.RollingHorizon;
        _kinds = _horizon + 1;
        _perDay = SlotCalendar.StepsPerDay(rule.Step);
        _keep = _options.KeepFiringHours * SlotCalendar.StepsPerHour(rule.Step);
        _ring = _perDay + _horizon + 1;
        var n = rule.Sensors.Count;
        _probability = new double[n * _ring * _kinds];
        Array.Fill(_probability, Missing.Value);
        _stamp = new long[_ring];
        Array.Fill(_stamp, long.MinValue);
        _lastWarned = Filled(n, long.MinValue);
        _pendingIssue = Filled(n, long.MaxValue);
        _pendingTarget = Filled(n, long.MinValue);
        _open = new Episode?[n];
    }

    /// <summary>
    /// Slots before this are forecast but not warned: issues from a day before it only fill in the forecasts the rule
    /// needs for it (as a warning evaluation forecasts before its test period). Null: every issued slot is warned.
    /// </summary>
    public TimeLabel? SettleFrom { get; init; }

    /// <summary>The rule this monitor warns with.</summary>
    public SurgeRule Rule => _rule;

    /// <summary>Slots a host replays through <c>Issue</c> after a restart to rebuild the warnings in progress: a day and the live horizon.</summary>
    public int ReplayLength => _perDay + _horizon + _keep + 1;

    /// <summary>Each covered counter's outlook after the last issue, in the rule's order.</summary>
    public IReadOnlyList<CounterSurge> Latest => _covered;

    /// <summary>The settled warning episodes, oldest first (closed ones, then those still open).</summary>
    public IReadOnlyList<WarningEpisode> Episodes()
    {
        var list = new List<WarningEpisode>(_episodes);
        for (var r = 0; r < _open.Length; r++)
        {
            if (_open[r] is { } open)
            {
                list.Add(open.ToEpisode(_rule.Sensors[r]));
            }
        }

        return list;
    }

    /// <summary>Forecasts with <paramref name="forecaster"/> (loaded onto <paramref name="panel"/>) and issues at <paramref name="issueSlot"/>.</summary>
    public IReadOnlyList<CounterSurge> Issue(SeriesPanel panel, int issueSlot, IForecaster forecaster)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(forecaster);
        ArgumentOutOfRangeException.ThrowIfLessThan(issueSlot, 1);
        var origin = new ForecastOrigin(panel, issueSlot - 1);
        var series = BatchPrediction.SeriesOf(panel, Covers);
        var live = new double[panel.Sensors.Count * _horizon];
        BatchPrediction.Predict(forecaster, origin, series, live);
        var day = Array.Empty<double>();
        if (_options.DayAhead && panel.LabelAt(issueSlot).SecondOfDay == 0)
        {
            day = new double[panel.Sensors.Count * _perDay];
            BatchPrediction.Predict(forecaster, origin, series, day);
        }

        return Issue(panel, issueSlot, live, day);
    }

    /// <summary>
    /// Issues at <paramref name="issueSlot"/> (the slot that begins; readings of <paramref name="panel"/> are known up to
    /// the slot before) from point forecasts already made from that origin: <paramref name="live"/> holds the live
    /// horizons (series s, step h at <c>s × horizon + h − 1</c>), <paramref name="day"/> the next day at midnight (empty otherwise).
    /// Issues must come in slot order, one per slot; a skipped slot leaves its warnings unsettled. Only the covered
    /// counters' points are read.
    /// </summary>
    public IReadOnlyList<CounterSurge> Issue(SeriesPanel panel, int issueSlot, ReadOnlySpan<double> live, ReadOnlySpan<double> day)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var now = panel.LabelAt(issueSlot);
        var outlook = new CounterSurge[_rule.Sensors.Count];
        var covered = new List<CounterSurge>(_rule.Sensors.Count);
        for (var r = 0; r < _rule.Sensors.Count; r++)
        {
            if (!IsCovered(r))
            {
                continue;
            }

            var series = panel.IndexOf(_rule.Sensors[r]);
            var threshold = _rule.Thresholds[r];
            if (series >= 0 && !double.IsNaN(threshold))
            {
                Settle(r, panel, series);
                Remember(r, panel, issueSlot, live.Slice(series * _horizon, _horizon), 1);
                if (day.Length > 0)
                {
                    Remember(r, panel, issueSlot, day.Slice(series * _perDay, _perDay), 0);
                }

                Decide(r, issueSlot, now);
            }

            outlook[r] = Outlook(r, panel, series, issueSlot, threshold);
            covered.Add(outlook[r]);
        }

        _latest = outlook;
        _covered = covered;
        return covered;
    }

    /// <summary>A counter's alert sample from its latest outlook; null for one without a threshold (never warned).</summary>
    private protected override AlertSample? Sample(int r) =>
        r < _latest.Length && IsCovered(r) ? SubjectAlerts.Sample(!double.IsNaN(_latest[r].Threshold), _latest[r].Fresh, _latest[r].Warned) : null;

    private int Ring(long seconds) => (int)(((seconds / (long)_rule.Step.TotalSeconds) % _ring + _ring) % _ring);

    private Span<double> Probabilities(int rule, long target)
    {
        var ring = Ring(target);
        if (_stamp[ring] != target)
        {
            // A new target enters the ring: every counter's probabilities for the target it held are void.
            for (var r = 0; r < _rule.Sensors.Count; r++)
            {
                _probability.AsSpan(((r * _ring) + ring) * _kinds, _kinds).Fill(Missing.Value);
            }

            _stamp[ring] = target;
        }

        return _probability.AsSpan(((rule * _ring) + ring) * _kinds, _kinds);
    }

    /// <summary>Stores the probabilities of the forecasts from this issue: live kinds 1..horizon, or the day-ahead kind 0.</summary>
    private void Remember(int r, SeriesPanel panel, int issueSlot, ReadOnlySpan<double> points, int firstKind)
    {
        for (var h = 1; h <= points.Length; h++)
        {
            var target = issueSlot - 1 + h;
            var label = panel.LabelAt(target);
            var kind = firstKind == 0 ? 0 : h;
            var p = _rule.Probability(r, kind, points[h - 1], (int)(label.SecondOfDay / 3600));
            Probabilities(r, label.Seconds)[kind] = p;
        }
    }

    /// <summary>Settles the warning of the slot that begins now: every forecast for it is known.</summary>
    private void Decide(int r, int issueSlot, TimeLabel now)
    {
        if (SettleFrom is { } from && now < from)
        {
            return;
        }

        var kinds = ExceedanceRule.WarningKinds(Probabilities(r, now.Seconds), _options);
        var issue = long.MaxValue;
        for (var k = 0; k < _kinds; k++)
        {
            if ((kinds & (1L << k)) != 0)
            {
                issue = Math.Min(issue, IssueLabel(now, k));
            }
        }

        var step = (long)_rule.Step.TotalSeconds;
        if (issue != long.MaxValue)
        {
            _lastWarned[r] = now.Seconds;
        }
        else if (_lastWarned[r] != long.MinValue && (now.Seconds - _lastWarned[r]) / step <= _keep)
        {
            // Keep-firing: warned from its own start only, so it never adds lead.
            issue = now.Seconds;
        }

        _pendingTarget[r] = now.Seconds;
        _pendingIssue[r] = issue;
    }

    /// <summary>The issue time of a forecast of <paramref name="kind"/> for <paramref name="target"/>, as <see cref="ForecastTable.IssueSlot"/> counts it.</summary>
    private long IssueLabel(TimeLabel target, int kind) =>
        kind > 0 ? target.Seconds - ((kind - 1) * (long)_rule.Step.TotalSeconds) : target.Seconds - target.SecondOfDay;

    /// <summary>Once the slot decided at the last issue has its reading (or not), adds it to the episode log.</summary>
    private void Settle(int r, SeriesPanel panel, int series)
    {
        var target = _pendingTarget[r];
        if (target == long.MinValue)
        {
            return;
        }

        var slot = panel.SlotOf(new TimeLabel(target));
        var hasReading = slot >= 0 && slot < panel.Length && !double.IsNaN(panel.Values(series)[(int)slot]);
        var warned = _pendingIssue[r] != long.MaxValue && hasReading;
        if (warned)
        {
            _open[r] = _open[r] is { } open ? open.Extend(target, _pendingIssue[r]) : new Episode(target, target, _pendingIssue[r]);
        }
        else if (_open[r] is { } closed)
        {
            _episodes.Add(closed.ToEpisode(_rule.Sensors[r]));
            _open[r] = null;
            if (_episodes.Count > MaxEpisodes)
            {
                _episodes.RemoveRange(0, _episodes.Count - MaxEpisodes);
            }
        }

        _pendingTarget[r] = long.MinValue;
    }

    private CounterSurge Outlook(int r, SeriesPanel panel, int series, int issueSlot, double threshold)
    {
        var now = panel.LabelAt(issueSlot);
        if (series < 0 || double.IsNaN(threshold))
        {
            return new CounterSurge(_rule.Sensors[r], threshold, now, null, false, null, false);
        }

        double? top = null;
        TimeLabel? warned = _pendingIssue[r] != long.MaxValue ? now : null;
        for (var h = 1; h <= _horizon; h++)
        {
            var target = panel.LabelAt(issueSlot - 1 + h);
            var p = Probabilities(r, target.Seconds);
            if (!double.IsNaN(p[h]))
            {
                top = Math.Max(top ?? 0, p[h]);
            }

            // Announced: a live kind already issued warns it (the day-ahead kind settles only at the slot itself).
            if (warned is null && h > 1 && (ExceedanceRule.WarningKinds(p, _options) & ~1L) != 0)
            {
                warned = target;
            }
        }

        var values = panel.Values(series);
        var fresh = (issueSlot >= 1 && !double.IsNaN(values[issueSlot - 1])) || (issueSlot >= 2 && !double.IsNaN(values[issueSlot - 2]));
        return new CounterSurge(_rule.Sensors[r], threshold, now, top, warned is not null, warned, fresh);
    }

    private sealed record Episode(long From, long To, long AnnouncedAt)
    {
        public Episode Extend(long target, long issue) => this with { To = target, AnnouncedAt = Math.Min(AnnouncedAt, issue) };

        public WarningEpisode ToEpisode(SensorId sensor) => new(sensor, new TimeLabel(From), new TimeLabel(To), new TimeLabel(AnnouncedAt));
    }
}
