using Microsoft.Extensions.Options;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Forecasting.Retraining;
using Surgewatch.Core.Series;
using Surgewatch.Models.Catalog;
using Surgewatch.Models.Deployment;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.Deployment;

/// <summary>
/// Trains in the background what the server deploys, for the counters and for the roads, each family its own model.
/// On a store without a saved model of a family but with at least its minimum history (<see cref="MinimumHistory"/>
/// of counter readings, <see cref="MinimumRoadHistory"/> of road speeds), it saves a baseline at once
/// (<c>historical-median-4w</c> for counters, the same-kind-of-day profile <c>day-kind-median-3d</c> for roads; so
/// forecasts and warnings start within seconds) and then trains the best model for the data
/// (<see cref="ModelCatalogs.DefaultFor"/>: gbm when libxgboost0 is installed), which replaces it when ready.
/// Counters reporting every minute are trained and forecast on quarter-hours (<see cref="ForecastGrid"/>).
/// With <c>Surgewatch:Retrain</c> (<c>serve --retrain 24h|daily@HH</c>) it trains the best model again on that
/// schedule, on the server clock. Training is <see cref="ModelTrainer"/>, as <c>surgewatch train</c> does it. In a
/// cluster a family is trained only by the node holding its step (<see cref="Core.Cluster.FamilySteps"/>), so the
/// counters' and the roads' models may be trained on two nodes at once, and each once.
/// </summary>
internal sealed class TrainingService(
    IObservationStore observations, IModelStore models, Core.Roads.IRoadGraphStore graph, TimeProvider clock, IOptions<ServerOptions> options, HistoryGate history,
    Core.Cluster.IZoneOwnership ownership, ILogger<TrainingService> logger) : BackgroundService
{
    /// <summary>The least history a first counters model is trained on.</summary>
    public static readonly TimeSpan MinimumHistory = TimeSpan.FromDays(14);

    /// <summary>
    /// The least history a first roads model is trained on: the congestion rule's calibration day, and the days before
    /// it that give gbm a few of each kind of day and the profile its earlier days.
    /// </summary>
    public static readonly TimeSpan MinimumRoadHistory = TimeSpan.FromDays(4);

    /// <summary>The most history a model is trained on: two years hold every seasonal pattern the models use, and bound the memory a large store needs.</summary>
    public static readonly TimeSpan MaximumHistory = TimeSpan.FromDays(730);

    private const string Baseline = "historical-median-4w";
    private const string RoadBaseline = Core.Forecasting.DayKindMedianModel.ModelName;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(15);
    private readonly RetrainPolicy? _policy = options.Value.RetrainPolicy();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.TrainWhenMissing && _policy is null)
        {
            return;
        }

        await history.Stored.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TrainIfDueAsync(stoppingToken);

                await Task.Delay(Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is ModelSetupException or ArgumentException or InvalidOperationException)
            {
                logger.LogWarning(e, "Training failed; the deployed model stays. Trying again in an hour");
                await Task.Delay(TimeSpan.FromHours(1), stoppingToken);
            }
        }
    }

    /// <summary>
    /// Trains each family that is due and whose lead group's step this node holds: first the missing baselines
    /// (warnings start at once), then the best models. In a cluster the node holding a family's lead group
    /// (<see cref="Core.Cluster.FamilySteps.Lead"/>) trains it (so a model is trained once, not on every node); every
    /// node that holds a group deploys what it saves. A node that takes the lead group over trains it from then on.
    /// </summary>
    private async Task TrainIfDueAsync(CancellationToken cancellationToken)
    {
        var due = new List<(ModelSubjects Subjects, SubjectPanel Panel, string Best)>();
        foreach (var subjects in (ModelSubjects[])[ModelSubjects.Counters, ModelSubjects.Roads])
        {
            if (!ownership.Holds(Core.Cluster.FamilySteps.Lead(subjects)))
            {
                continue;
            }

            var latest = await models.LatestModelAsync(null, subjects, cancellationToken);
            var missing = latest is null && options.Value.TrainWhenMissing;
            var scheduled = _policy is not null && latest is not null && RetrainSchedule.IsDue(_policy, latest.Created, clock.GetUtcNow());
            var minimum = subjects == ModelSubjects.Roads ? MinimumRoadHistory : MinimumHistory;
            if ((!missing && !scheduled) || await LoadAsync(subjects, minimum, cancellationToken) is not { } family)
            {
                continue;
            }

            var best = ModelCatalogs.DefaultFor(family.Panel.Step).Model;
            var baseline = subjects == ModelSubjects.Roads ? RoadBaseline : Baseline;
            if (missing && best != baseline)
            {
                await TrainAsync(family, subjects, baseline, cancellationToken);
            }

            due.Add((subjects, family, best));
        }

        foreach (var (subjects, family, best) in due)
        {
            await TrainAsync(family, subjects, best, cancellationToken);
        }
    }

    private async Task<SubjectPanel?> LoadAsync(ModelSubjects subjects, TimeSpan minimum, CancellationToken cancellationToken)
    {
        // A cheap look first, so that a store with too little history is not read whole at every poll.
        var family = StorePanels.Of(await observations.ListSensorsAsync(cancellationToken), subjects);
        if (family.Count == 0
            || await observations.CountObservationsAsync(cancellationToken) < minimum / family[0].Step)
        {
            return null;
        }

        var now = TimeLabel.FromInstant(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(options.Value.SiteZone));
        var loaded = await StorePanels.LoadAsync(observations, now - MaximumHistory, subjects, cancellationToken);
        if (loaded is null || loaded.Panel.Step * loaded.Panel.Length < minimum)
        {
            return null;
        }

        // Train on what has happened by now on the server clock (a replay holds readings of its future too).
        var end = (int)Math.Clamp(loaded.Panel.SlotOf(now), 0, loaded.Panel.Length);
        return end * loaded.Panel.Step < minimum ? null : loaded with { Panel = Truncate(loaded.Panel, end) };
    }

    private async Task TrainAsync(SubjectPanel family, ModelSubjects subjects, string model, CancellationToken cancellationToken)
    {
        logger.LogInformation(
            "Training {Model} on {Sensors} {Subjects} ({Slots} slots) in the background", model, family.Panel.Sensors.Count, ModelSubjectsText.Of(subjects), family.Panel.Length);
        // Roads are trained with their stored graph, as train and evaluate-warnings use a folder's edges.csv.
        var stored = subjects == ModelSubjects.Roads ? await graph.ListEdgesAsync(cancellationToken) : [];
        var edges = stored.Count > 0 ? stored : null;
        var trained = await Task.Run(() => ModelTrainer.Train(family.Panel, edges, new TrainingRequest(model, Subjects: subjects), clock, cancellationToken), cancellationToken);
        var id = await models.SaveModelAsync(trained.Saved, cancellationToken);
        logger.LogInformation("Trained {Model} in {Seconds:0.0} s; saved as model {ModelId}; held out: {Validation}", model, trained.FitTime.TotalSeconds, id, trained.Validation);
    }

    private static SeriesPanel Truncate(SeriesPanel panel, int length)
    {
        if (length >= panel.Length)
        {
            return panel;
        }

        var values = new double[panel.Sensors.Count][];
        for (var s = 0; s < values.Length; s++)
        {
            values[s] = panel.Values(s)[..length].ToArray();
        }

        return new SeriesPanel(panel.Start, panel.Step, panel.Sensors, values);
    }
}
