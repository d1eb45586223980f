using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Live;
using Surgewatch.Core.Series;
using Surgewatch.Models.Deployment;
using Surgewatch.Server.Clock;

namespace Surgewatch.Server.Deployment;

/// <summary>A counter's outlook as the API and the hub show it; <c>Level</c> is Core's <see cref="CounterLevels"/> on the zones' ladder.</summary>
internal sealed record CounterStatusDto(string SensorId, string Slot, double? Threshold, double? Probability, bool Warned, string? WarnedSlot, bool Fresh, string Model, string Level);

/// <summary>
/// The deployed model at work: the latest model saved by <c>train</c> (or by the server's own training), loaded onto a
/// <see cref="LivePanel"/> of the counters' recent readings, and Core's <see cref="SurgeMonitor"/> with the surge rule
/// saved beside it. At the start of every slot it forecasts every counter once, from the readings up to the slot
/// before: the forecasts (with their intervals) go to the store, the points to the surge monitor. It never forecasts
/// or warns on its own terms: what runs here is what <c>backtest</c> and <c>evaluate-warnings</c> measure.
/// </summary>
internal sealed class LiveDeployment(IObservationStore observations, IModelStore models, IForecastStore forecasts, ClockDtos clocks, ILogger<LiveDeployment> logger)
{
    /// <summary>How much history the live panel holds: enough for every model's features (gbm looks eight weeks back).</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(70);

    /// <summary>How far past the history a panel reaches before it is rolled.</summary>
    public static readonly TimeSpan Headroom = TimeSpan.FromDays(14);

    private readonly object _sync = new();

    // One deployment or issue at a time: the monitor takes each slot once, in order.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Deployed? _current;

    /// <summary>The lock under which the surge monitor is issued and evaluated.</summary>
    public object Sync => _sync;

    /// <summary>The deployed model, or null before one is saved.</summary>
    public SavedModel? Model => _current?.Model.Saved;

    /// <summary>The surge monitor of the deployed model, or null (no model, or one without a surge rule). Use under <see cref="Sync"/>.</summary>
    public SurgeMonitor? Monitor => _current?.Monitor;

    /// <summary>Each counter's outlook after the last slot's issue.</summary>
    public IReadOnlyList<CounterStatusDto> Counters { get; private set; } = [];

    /// <summary>Hands new readings to the live panel (the store already holds them).</summary>
    public void Add(ObservationBatch batch)
    {
        lock (_sync)
        {
            _current?.Panel.PutAll(batch);
        }
    }

    /// <summary>Deploys the latest saved model when it is not the one running; false when nothing changed.</summary>
    public async Task<bool> DeployLatestAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await DeployAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Issues every slot that has begun since the last issue (at most a day of them); returns how many.</summary>
    public async Task<int> IssueDueAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await IssueAllAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The settled warning episodes of the deployed surge rule (empty without one).</summary>
    public IReadOnlyList<WarningEpisode> Episodes()
    {
        lock (_sync)
        {
            return _current?.Monitor?.Episodes() ?? [];
        }
    }

    private async Task<bool> DeployAsync(CancellationToken cancellationToken)
    {
        var latest = await models.LatestModelAsync(null, cancellationToken);
        if (latest is null || latest.Id == _current?.Model.Saved.Id)
        {
            return false;
        }

        var now = clocks.NowLabel();
        var panel = await LoadPanelAsync(latest, now, cancellationToken);
        var model = DeployedModel.Load(latest, panel.Panel, null);
        var monitor = model.Rule is { } rule ? new SurgeMonitor(rule) : null;
        var deployed = new Deployed(model, panel, monitor, -1);
        var slot = (int)panel.Panel.SlotOf(now);

        // Rebuild the warnings in progress: the monitor is deterministic, so replaying the last day of slots gives
        // the state it had (the alerts themselves come back from their snapshots).
        var from = Math.Max(1, slot - (monitor?.ReplayLength ?? 1));
        for (var i = from; i < slot; i++)
        {
            monitor?.Issue(panel.Panel, i, model.Forecaster);
        }

        lock (_sync)
        {
            _current = deployed with { LastIssued = slot - 1 };
        }

        logger.LogInformation("Deployed model {ModelId} ({Model}, trained to {TrainTo}) on {Counters} counters; surge rule: {Rule}",
            latest.Id, latest.Name, latest.TrainTo, panel.Panel.Sensors.Count, monitor is null ? "none" : $"{monitor.Rule.WarnedCounters} counters with a threshold");
        return true;
    }

    private async Task<int> IssueAllAsync(CancellationToken cancellationToken)
    {
        if (_current is not { } current)
        {
            return 0;
        }

        var now = clocks.NowLabel();
        var due = (int)current.Panel.Panel.SlotOf(now);
        if (due <= current.LastIssued)
        {
            return 0;
        }

        await RefillTouchedAsync(current.Panel, cancellationToken);
        var issued = 0;
        for (var slot = Math.Max(current.LastIssued + 1, due - SlotCalendar.StepsPerDay(current.Panel.Panel.Step)); slot <= due; slot++)
        {
            current = Roll(current, ref slot, ref due);
            await IssueAsync(current, slot, cancellationToken);
            current = current with { LastIssued = slot };
            lock (_sync)
            {
                _current = current;
            }

            issued++;
        }

        return issued;
    }

    private async Task IssueAsync(Deployed current, int slot, CancellationToken cancellationToken)
    {
        var panel = current.Panel.Panel;
        var origin = new ForecastOrigin(panel, slot - 1);
        var horizon = Math.Max(SlotCalendar.StepsPerDay(panel.Step), current.Monitor?.Rule.Options.RollingHorizon ?? 1);
        var points = new double[panel.Sensors.Count * horizon];
        BatchPrediction.PredictAll(current.Model.Forecaster, origin, points);
        var issued = ForecastIssuer.Issue(current.Model.Forecaster, origin, horizon, current.Model.Saved.Name, points);
        if (current.Monitor is { } monitor)
        {
            var (live, day) = Split(points, panel.Sensors.Count, horizon, monitor.Rule.Options.RollingHorizon, panel.LabelAt(slot).SecondOfDay == 0 && monitor.Rule.Options.DayAhead);
            lock (_sync)
            {
                Counters = ToDtos(monitor.Issue(panel, slot, live, day), current.Model.Saved.Name, clocks);
            }
        }

        await forecasts.SaveForecastsAsync(issued, cancellationToken);
    }

    /// <summary>Lays the day's points out as the monitor takes them: the live horizons, and the day when it is midnight.</summary>
    private static (double[] Live, double[] Day) Split(double[] points, int series, int horizon, int liveHorizon, bool midnight)
    {
        var live = new double[series * liveHorizon];
        var day = midnight ? points : [];
        for (var s = 0; s < series; s++)
        {
            points.AsSpan(s * horizon, liveHorizon).CopyTo(live.AsSpan(s * liveHorizon));
        }

        return (live, day);
    }

    /// <summary>When the slot lies past the panel's end, rolls the panel forward and loads the model onto the new one.</summary>
    private Deployed Roll(Deployed current, ref int slot, ref int due)
    {
        var panel = current.Panel.Panel;
        if (slot < panel.Length)
        {
            return current;
        }

        var start = panel.LabelAt(slot) - History;
        LivePanel rolled;
        lock (_sync)
        {
            rolled = current.Panel.Rolled(start);
        }

        var shift = (int)panel.SlotOf(start);
        var model = DeployedModel.Load(current.Model.Saved, rolled.Panel, null);
        slot -= shift;
        due -= shift;
        return current with { Model = model, Panel = rolled, LastIssued = current.LastIssued - shift };
    }

    private async Task<LivePanel> LoadPanelAsync(SavedModel model, TimeLabel now, CancellationToken cancellationToken)
    {
        var counting = StorePanels.Counters(await observations.ListSensorsAsync(cancellationToken)).Where(s => ForecastGrid.StepFor(s.Step) == model.Step).ToList();
        var sensors = model.Sensors.Union(counting.Select(s => s.Id)).ToList();
        var stepSeconds = (long)model.Step.TotalSeconds;
        var start = new TimeLabel((now - History).Seconds / stepSeconds * stepSeconds);
        var capacity = (int)((History + Headroom) / model.Step);
        var sensorStep = counting.Count > 0 ? counting[0].Step : model.Step;
        var kinds = counting.ToDictionary(s => s.Id, s => ForecastGrid.AggregationOf(s.Kind));
        var panel = new LivePanel(sensors, model.Step, start, capacity, sensorStep, id => kinds.GetValueOrDefault(id, SlotAggregation.Mean));
        var readings = await observations.ReadObservationsAsync(new ObservationQuery(sensors, start), cancellationToken);
        if (panel.Aggregates)
        {
            panel.Refill(readings, start, panel.Panel.End);
        }
        else
        {
            panel.PutAll(readings);
        }

        return panel;
    }

    /// <summary>On a coarser grid than the readings, lays the slots that new readings touched afresh from the store.</summary>
    private async Task RefillTouchedAsync(LivePanel panel, CancellationToken cancellationToken)
    {
        (TimeLabel From, TimeLabel To)? touched;
        lock (_sync)
        {
            touched = panel.TakeTouched();
        }

        if (touched is not { } range)
        {
            return;
        }

        var readings = await observations.ReadObservationsAsync(new ObservationQuery(panel.Panel.Sensors, range.From, range.To), cancellationToken);
        lock (_sync)
        {
            panel.Refill(readings, range.From, range.To);
        }
    }

    private static IReadOnlyList<CounterStatusDto> ToDtos(IReadOnlyList<CounterSurge> surges, string model, ClockDtos clocks) =>
        [.. surges.Select(s => new CounterStatusDto(
            s.Sensor.Value, clocks.Format(s.Slot), double.IsNaN(s.Threshold) ? null : Math.Round(s.Threshold, 1),
            s.Probability is { } p ? Math.Round(p, 3) : null, s.Warned, s.WarnedSlot is { } warned ? clocks.Format(warned) : null, s.Fresh, model,
            Core.Monitoring.ZoneLevelLadder.Name(CounterLevels.Of(s))))];

    private sealed record Deployed(DeployedModel Model, LivePanel Panel, SurgeMonitor? Monitor, int LastIssued);
}
