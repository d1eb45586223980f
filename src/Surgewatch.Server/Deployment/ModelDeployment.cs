using Surgewatch.Core.Calendar;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Live;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;
using Surgewatch.Models.Deployment;
using Surgewatch.Server.Clock;

namespace Surgewatch.Server.Deployment;

/// <summary>
/// A deployed model at work, for one family of sensors (<see cref="ModelSubjects"/>): the latest model of that family
/// saved by <c>train</c> (or by the server's own training), loaded onto a <see cref="LivePanel"/> of the sensors'
/// recent readings, and Core's monitor with the warning rule saved beside it. At the start of every slot it forecasts
/// every sensor once, from the readings up to the slot before: the forecasts (with their intervals) go to the store,
/// the points to the monitor. A model trained with the sensor graph as a feature is loaded with the stored road graph,
/// as it was trained. It never forecasts or warns on its own terms: what runs here is what <c>backtest</c>
/// and <c>evaluate-warnings</c> measure. The counters' (<see cref="LiveDeployment"/>) and the roads'
/// (<see cref="RoadDeployment"/>) differ only in their monitor.
/// </summary>
/// <remarks>
/// In a cluster a family's sensors are split into groups (<see cref="SensorGroups"/>), each with its step
/// (<see cref="FamilySteps"/>): a node runs the deployment for the groups it holds (<see cref="Covers"/>), forecasting,
/// storing and warning about their sensors alone (so each slot of each sensor is forecast and stored once), and shows
/// the other groups' outlooks as their nodes share them. A node that holds no group stands its deployment down and
/// follows the model the others run (<see cref="FollowAsync"/>). A node whose groups change deploys afresh from the
/// store, replaying its groups' slots to rebuild their warnings.
/// </remarks>
/// <typeparam name="TMonitor">Core's monitor of the family's warning rule.</typeparam>
internal abstract class ModelDeployment<TMonitor>(
    ModelSubjects subjects, IObservationStore observations, IModelStore models, IForecastStore forecasts, IRoadGraphStore graph, ClockDtos clocks, ILogger logger)
    : IDeployedMonitor
    where TMonitor : SensorAlertMonitor
{
    private readonly object _sync = new();

    // One deployment or issue at a time: the monitor takes each slot once, in order.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Deployed? _current;
    private volatile SavedModel? _followed;

    /// <summary>The family of sensors this deployment forecasts and warns about.</summary>
    public ModelSubjects Subjects => subjects;

    /// <summary>The lock under which the monitor is issued and evaluated.</summary>
    public object Sync => _sync;

    /// <summary>
    /// The deployed model, or null before one is saved: the one this node runs, or on a node that follows another
    /// (<see cref="FollowAsync"/>) the one that node runs.
    /// </summary>
    public SavedModel? Model => _current?.Model.Saved ?? _followed;

    /// <summary>Whether this node runs a model (forecasts and warns with it); false before one is deployed and while it follows another node.</summary>
    public bool Runs => _current is not null;

    /// <summary>The groups of sensors the running model forecasts and warns about (none while it does not run).</summary>
    public SensorGroups Covers => _current?.Covers ?? SensorGroups.None;

    /// <summary>The monitor of the deployed model, or null (no model, or one without a rule). Use under <see cref="Sync"/>.</summary>
    public TMonitor? Monitor => _current?.Monitor;

    /// <inheritdoc/>
    SensorAlertMonitor? IDeployedMonitor.Current => Monitor;

    /// <summary>The clock's labels and their text, for the outlooks' DTOs.</summary>
    protected ClockDtos Clocks => clocks;

    /// <summary>Hands new readings to the live panel (the store already holds them).</summary>
    public void Add(ObservationBatch batch)
    {
        lock (_sync)
        {
            _current?.Panel.PutAll(batch);
        }
    }

    /// <summary>Deploys the latest saved model for every sensor (a single node); false when nothing changed.</summary>
    public Task<bool> DeployLatestAsync(CancellationToken cancellationToken) => DeployLatestAsync(SensorGroups.All, cancellationToken);

    /// <summary>
    /// Deploys the latest saved model for the sensors of <paramref name="covers"/> (<see cref="SensorGroups.All"/> on a
    /// single node) when it is not the one running or runs for other groups; false when nothing changed.
    /// </summary>
    public async Task<bool> DeployLatestAsync(SensorGroups covers, CancellationToken cancellationToken)
    {
        if (covers.IsEmpty)
        {
            throw new ArgumentException("Give the groups to run the model for; a node that holds none follows (FollowAsync).", nameof(covers));
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            _followed = null;
            return await DeployAsync(covers, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Stops running the model (other nodes of the cluster hold every group of the family): no more forecasts or warnings
    /// here, and the live panel is let go (it would miss the readings the other nodes are sent); true when it ran.
    /// </summary>
    public async Task<bool> StandDownAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            lock (_sync)
            {
                var ran = _current is not null;
                _current = null;
                if (ran)
                {
                    ClearOutlooks();
                }

                return ran;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// While this node does not run the model: takes model <paramref name="modelId"/> (the one the nodes holding the
    /// family's groups run, read from the store when it changes) as <see cref="Model"/>; null for none.
    /// </summary>
    public async Task FollowAsync(long? modelId, CancellationToken cancellationToken)
    {
        if (modelId != _followed?.Id)
        {
            _followed = modelId is { } id ? await models.GetModelAsync(id, cancellationToken) : null;
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

    /// <summary>The monitor of <paramref name="model"/>'s rule for the sensors of <paramref name="covers"/>, or null when it has none.</summary>
    protected abstract TMonitor? CreateMonitor(DeployedModel model, SensorGroups covers);

    /// <summary>How many slots before the current one a new monitor replays to rebuild the warnings in progress.</summary>
    protected abstract int ReplayLength(TMonitor monitor);

    /// <summary>Issues <paramref name="monitor"/> at <paramref name="slot"/> with forecasts it makes itself (the replay).</summary>
    protected abstract void Replay(TMonitor monitor, SeriesPanel panel, int slot, IForecaster forecaster);

    /// <summary>How many slots ahead each issue forecasts (and stores).</summary>
    protected abstract int Horizon(TMonitor? monitor, SeriesPanel panel);

    /// <summary>
    /// Hands an issue's points (series s, step h at <c>s × horizon + h − 1</c>) to the monitor and keeps its outlooks;
    /// called under <see cref="Sync"/>.
    /// </summary>
    protected abstract void Issued(TMonitor monitor, string model, SeriesPanel panel, int slot, double[] points, int horizon);

    /// <summary>Forgets the outlooks shown before this deployment (another model's, or another node's); called under <see cref="Sync"/>.</summary>
    protected abstract void ClearOutlooks();

    /// <summary>What the deployed rule covers, for the log.</summary>
    protected abstract string Describe(TMonitor? monitor);

    private async Task<bool> DeployAsync(SensorGroups covers, CancellationToken cancellationToken)
    {
        var latest = await models.LatestModelAsync(null, subjects, cancellationToken);
        if (latest is null || (latest.Id == _current?.Model.Saved.Id && covers == _current.Covers))
        {
            return false;
        }

        var now = clocks.NowLabel();
        var panel = await DeploymentPanel.LoadAsync(observations, latest, now, cancellationToken, covers);
        var edges = ModelFeatures.FromJson(latest.Features).Edges ? await graph.ListEdgesAsync(cancellationToken) : null;
        var model = DeployedModel.Load(latest, panel.Panel, edges);
        var monitor = CreateMonitor(model, covers);
        var deployed = new Deployed(model, panel, monitor, -1, edges, covers, BatchPrediction.SeriesOf(panel.Panel, covers));
        var slot = (int)panel.Panel.SlotOf(now);

        // Rebuild the warnings in progress: the monitor is deterministic, so replaying the slots before gives the
        // state it had (the alerts themselves come back from their snapshots).
        if (monitor is not null)
        {
            for (var i = Math.Max(1, slot - ReplayLength(monitor)); i < slot; i++)
            {
                Replay(monitor, panel.Panel, i, model.Forecaster);
            }
        }

        lock (_sync)
        {
            _current = deployed with { LastIssued = slot - 1 };
            ClearOutlooks();
        }

        logger.LogInformation("Deployed model {ModelId} ({Model}, trained to {TrainTo}) on {Sensors} {Subjects} (groups: {Groups}); rule: {Rule}",
            latest.Id, latest.Name, latest.TrainTo, deployed.Series?.Length ?? panel.Panel.Sensors.Count, ModelSubjectsText.Of(subjects), covers, Describe(monitor));
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
        var horizon = Horizon(current.Monitor, panel);
        var points = new double[panel.Sensors.Count * horizon];
        BatchPrediction.Predict(current.Model.Forecaster, origin, current.Series, points);
        var issued = ForecastIssuer.Issue(current.Model.Forecaster, origin, horizon, current.Model.Saved.Name, points);
        if (current.Monitor is { } monitor)
        {
            lock (_sync)
            {
                Issued(monitor, current.Model.Saved.Name, panel, slot, points, horizon);
            }
        }

        await forecasts.SaveForecastsAsync(issued, cancellationToken);
    }

    /// <summary>When the slot lies past the panel's end, rolls the panel forward and loads the model onto the new one.</summary>
    private Deployed Roll(Deployed current, ref int slot, ref int due)
    {
        var panel = current.Panel.Panel;
        if (slot < panel.Length)
        {
            return current;
        }

        var start = panel.LabelAt(slot) - DeploymentPanel.History;
        LivePanel rolled;
        lock (_sync)
        {
            rolled = current.Panel.Rolled(start);
        }

        var shift = (int)panel.SlotOf(start);
        var model = DeployedModel.Load(current.Model.Saved, rolled.Panel, current.Edges);
        slot -= shift;
        due -= shift;
        return current with { Model = model, Panel = rolled, LastIssued = current.LastIssued - shift, Series = BatchPrediction.SeriesOf(rolled.Panel, current.Covers) };
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

    /// <summary>A model at work: on its panel, with its monitor, for the sensors of <paramref name="Covers"/> (<paramref name="Series"/> of the panel; null: all).</summary>
    private sealed record Deployed(
        DeployedModel Model, LivePanel Panel, TMonitor? Monitor, int LastIssued, IReadOnlyList<SensorEdge>? Edges, SensorGroups Covers, int[]? Series);
}

