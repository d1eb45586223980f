using Surgewatch.Core.Briefing;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Forecasting.XGBoost.Native;
using Surgewatch.Models.Catalog;
using Surgewatch.Models.Deployment;

namespace Surgewatch.Models.Briefing;

/// <summary>
/// The one day-ahead briefing: <c>GET /api/v1/briefing</c> and <c>surgewatch brief</c> both call it. It lays the
/// zones' sources (or, without zones, the counters) on Core's hourly <see cref="BriefingPanel"/>, decides the path up
/// front with <see cref="BriefingPlan.Choose"/> (the deployed model, a fitted one, the weekly profile or no forecast,
/// saying why when it falls back) and runs Core's <see cref="DayBriefer"/> on it.
/// </summary>
public static class Briefer
{
    /// <summary>Briefs from a store: its readings, its sensors and its latest saved model (the one <c>serve</c> deploys).</summary>
    /// <param name="observations">The readings.</param>
    /// <param name="models">The saved models.</param>
    /// <param name="zones">The zones; empty for a briefing per counter.</param>
    /// <param name="request">The day, the present and the model.</param>
    /// <param name="cancellationToken">Cancels the reads and the fits.</param>
    /// <exception cref="ModelSetupException">The model named is unknown, or its features cannot be loaded.</exception>
    /// <exception cref="ModelStateException">The deployed model's saved state cannot be read by this build.</exception>
    public static async Task<DayBriefing> BriefAsync(
        IObservationStore observations, IModelStore models, IReadOnlyList<Zone> zones, BriefingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(request);
        var sensors = await observations.ListSensorsAsync(cancellationToken);
        var deployed = request.Model is null ? await models.LatestModelAsync(null, ModelSubjects.Counters, cancellationToken) : null;
        var candidate = Candidate(request.Model, deployed);
        var sources = Sources(zones, sensors);
        if (candidate.Deployed)
        {
            sources = BriefingPanel.Leading(deployed!.Sensors, sources, [.. sensors.Select(BriefingSource.Of)]);
        }

        var (start, end) = BriefingPanel.Window(request.Date, request.Now);
        var readings = sources.Count == 0
            ? new ObservationBatch()
            : await observations.ReadObservationsAsync(new ObservationQuery([.. sources.Select(s => s.Sensor)], start, end), cancellationToken);

        // A deployed model on a finer grid (minute counters on quarter-hours) forecasts the panel it was trained on;
        // every other path briefs on the hourly panel, decided again on it when the deployed model is not used.
        var panel = candidate.Deployed && deployed!.Step != BriefingPanel.Step
            ? BriefingPanel.OnGrid(readings, sources, start, end, deployed.Step, SensorStep(sources, sensors, deployed.Step))
            : BriefingPanel.Hourly(readings, sources, start, end);
        var plan = BriefingPlan.Choose(candidate, BriefingPanel.HistoryDays(panel));
        if (plan.Method != BriefingMethod.Deployed && panel.Step != BriefingPanel.Step)
        {
            panel = BriefingPanel.Hourly(readings, sources, start, end);
            plan = BriefingPlan.Choose(candidate, BriefingPanel.HistoryDays(panel));
        }

        IReadOnlyList<bool>? levels = plan.Method == BriefingMethod.Deployed ? [.. sources.Select(s => s.IsLevel)] : null;
        return Run(panel, zones, Names(panel, sensors, zones), request, plan, deployed, levels, cancellationToken);
    }

    /// <summary>
    /// Briefs from an hourly <see cref="BriefingPanel"/> already built (the CLI's <c>--data</c> folder).
    /// </summary>
    /// <param name="panel">The hourly panel; with a deployed model, its sensors lead (<see cref="BriefingPanel.Leading"/>).</param>
    /// <param name="zones">The zones; empty for a briefing per sensor.</param>
    /// <param name="names">The sensors' display names, in the panel's order, for a briefing per sensor; ids when null.</param>
    /// <param name="request">The day and the model.</param>
    /// <param name="candidate">The model to use (<see cref="Candidate"/>).</param>
    /// <param name="deployed">The deployed model, when <paramref name="candidate"/> is it.</param>
    /// <param name="cancellationToken">Cancels the fits.</param>
    public static DayBriefing Brief(
        SeriesPanel panel, IReadOnlyList<Zone> zones, IReadOnlyList<string?>? names, BriefingRequest request, BriefingCandidate candidate, SavedModel? deployed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(request);
        return Run(panel, zones, names, request, BriefingPlan.Choose(candidate, BriefingPanel.HistoryDays(panel)), deployed, null, cancellationToken);
    }

    /// <summary>Runs <paramref name="plan"/> on <paramref name="panel"/>; <paramref name="levels"/> for a deployed model on a grid finer than an hour (see <see cref="DayBriefer.Deployed"/>).</summary>
    private static DayBriefing Run(
        SeriesPanel panel, IReadOnlyList<Zone> zones, IReadOnlyList<string?>? names, BriefingRequest request, BriefingPlan plan, SavedModel? deployed,
        IReadOnlyList<bool>? levels, CancellationToken cancellationToken)
    {
        var briefing = plan.Method switch
        {
            BriefingMethod.Deployed => Deployed(panel, deployed ?? throw new ArgumentException("Give the deployed model the candidate names.", nameof(deployed)), zones, names, request.Date, levels),
            BriefingMethod.Fitted => new DayBriefer(Fitted(plan.Model!, request)).Brief(panel, request.Date, zones, names, cancellationToken),
            BriefingMethod.WeeklyProfile => DayBriefer.WeeklyProfile(panel, request.Date, zones, names, cancellationToken),
            _ => DayBriefer.Nothing(panel, request.Date, zones, names),
        };
        return briefing with { Method = plan.Method, ModelId = plan.ModelId, Fallback = plan.Fallback };
    }

    /// <summary>
    /// The model to brief with, decided before any reading is read: <paramref name="named"/> when given (checked to be
    /// known), else <paramref name="deployed"/> when the hourly briefing can load it; otherwise none, with the reason
    /// the briefing states.
    /// </summary>
    /// <exception cref="ModelSetupException"><paramref name="named"/> is not a model.</exception>
    public static BriefingCandidate Candidate(string? named, SavedModel? deployed)
    {
        if (named is not null)
        {
            if (!ModelCatalogs.Names.Contains(named, StringComparer.OrdinalIgnoreCase))
            {
                throw new ModelSetupException($"Unknown model '{named}'; choose one of: {string.Join(", ", ModelCatalogs.Names)}.");
            }

            return NeedsXGBoost(named) ? BriefingCandidate.NoModel($"{named} needs XGBoost (libxgboost0), which is not installed") : BriefingCandidate.Named(named);
        }

        if (deployed is null)
        {
            return BriefingCandidate.NoModel("no deployed model");
        }

        var name = $"the deployed model {deployed.Name} (#{deployed.Id})";
        return deployed.Step > BriefingPanel.Step || BriefingPanel.Step.Ticks % deployed.Step.Ticks != 0
            ? BriefingCandidate.NoModel($"{name} forecasts a {deployed.Step} grid, which does not divide the briefing's hours")
            : NeedsXGBoost(deployed.Name) ? BriefingCandidate.NoModel($"{name} needs XGBoost (libxgboost0), which is not installed")
            : BriefingCandidate.DeployedModel(deployed.Name, deployed.Id);
    }

    /// <summary>
    /// The series a briefing forecasts: the zones' sources, then the counters (<see cref="StorePanels.Counters"/>) that are
    /// not among them, which are briefed on their own as well.
    /// </summary>
    public static IReadOnlyList<BriefingSource> Sources(IReadOnlyList<Zone> zones, IReadOnlyList<Sensor> sensors)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var sources = BriefingPanel.Sources(zones);
        var known = sources.Select(s => s.Sensor).ToHashSet();
        return [.. sources, .. StorePanels.Counters(sensors).Where(c => !known.Contains(c.Id)).Select(BriefingSource.Of)];
    }

    /// <summary>
    /// The display names of <paramref name="panel"/>'s sensors that are briefed on their own (the id of one not in
    /// <paramref name="sensors"/>): every sensor without zones; with zones, the counters (<see cref="StorePanels.Counters"/>),
    /// the others null.
    /// </summary>
    public static IReadOnlyList<string?> Names(SeriesPanel panel, IReadOnlyList<Sensor> sensors, IReadOnlyList<Zone>? zones = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(sensors);
        var byId = new Dictionary<SensorId, string>();
        foreach (var sensor in sensors)
        {
            byId.TryAdd(sensor.Id, sensor.Name);
        }

        var counters = zones is { Count: > 0 } ? StorePanels.Counters(sensors).Select(c => c.Id).ToHashSet() : null;
        return [.. panel.Sensors.Select(id => counters is not null && !counters.Contains(id) ? null : byId.TryGetValue(id, out var name) ? name : id.Value)];
    }

    private static DayBriefing Deployed(SeriesPanel panel, SavedModel saved, IReadOnlyList<Zone> zones, IReadOnlyList<string?>? names, DateOnly date, IReadOnlyList<bool>? levels)
    {
        var model = DeployedModel.Load(saved, panel, null);
        return DayBriefer.Deployed(panel, model.Forecaster, model.Rule, saved.Name, date, zones, names, levels);
    }

    /// <summary>The step <paramref name="sources"/> report at: the finest among them, no coarser than the model's grid.</summary>
    private static TimeSpan SensorStep(IReadOnlyList<BriefingSource> sources, IReadOnlyList<Sensor> sensors, TimeSpan grid)
    {
        var wanted = sources.Select(s => s.Sensor).ToHashSet();
        var steps = sensors.Where(s => wanted.Contains(s.Id) && s.Step <= grid && grid.Ticks % s.Step.Ticks == 0).Select(s => s.Step).ToList();
        return steps.Count == 0 ? grid : steps.Min();
    }

    private static IForecastModel Fitted(string name, BriefingRequest request)
    {
        var catalog = ModelCatalogs.Create(ModelCatalogs.Features(request.Holidays, request.Events, request.Edges), intervals: false);
        return catalog.Get(name);
    }

    /// <summary>Whether <paramref name="model"/> needs XGBoost's library and this machine has none (gbm without libxgboost0).</summary>
    internal static bool NeedsXGBoost(string model) =>
        model.Equals(DefaultModelChoice.LearnedModel, StringComparison.OrdinalIgnoreCase) && !XGBoostLibrary.IsAvailable;
}
