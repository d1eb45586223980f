using Surgewatch.Core.Briefing;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;
using Surgewatch.Models.Deployment;

namespace Surgewatch.Models.Briefing;

/// <summary>
/// The roads' part of the one briefing: the jams the deployed roads model forecasts for a day, by road. <c>GET
/// /api/v1/briefing</c>, <c>GET /api/v1/roads/jams</c> and <c>surgewatch brief</c> all call it. The latest saved roads
/// model is loaded onto the store's readings as the live deployment loads it (<see cref="DeploymentPanel"/>) and
/// forecasts from the slot now beginning (for a past day, from its start, on the readings before it), as far as the
/// day's end but at most <see cref="LongestAhead"/>; Core's <see cref="ExpectedJams"/> finds the jams with the model's
/// congestion rule.
/// </summary>
public static class RoadBriefer
{
    /// <summary>The longest a day's expected jams are forecast ahead: to the end of the day after tomorrow.</summary>
    public static readonly TimeSpan LongestAhead = TimeSpan.FromDays(3);

    /// <summary>
    /// The expected jams of <paramref name="day"/> at the present <paramref name="now"/> (site time); null without a
    /// saved roads model with a congestion rule that this machine can run (gbm needs libxgboost0).
    /// </summary>
    /// <exception cref="ModelStateException">The roads model's saved state cannot be read by this build.</exception>
    public static async Task<RoadJamBriefing?> BriefAsync(
        IObservationStore observations, IModelStore models, IRoadGraphStore graph, DateOnly day, TimeLabel now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(graph);
        var saved = await models.LatestModelAsync(null, ModelSubjects.Roads, cancellationToken);
        if (saved?.Rule is null || Briefer.NeedsXGBoost(saved.Name))
        {
            return null;
        }

        var from = TimeLabel.FromDate(day);
        var to = from + TimeSpan.FromDays(1);
        var origin = now < to ? now : from;
        var panel = (await DeploymentPanel.LoadAsync(observations, saved, origin, cancellationToken)).Panel;
        var edges = ModelFeatures.FromJson(saved.Features).Edges ? await graph.ListEdgesAsync(cancellationToken) : null;
        var model = DeployedModel.Load(saved, panel, edges);
        if (model.Congestion is not { } rule)
        {
            return null;
        }

        // The slot now beginning is forecast from the readings up to the one before, as the live deployment issues it.
        var slot = (int)panel.SlotOf(origin);
        var first = panel.LabelAt(slot);
        var end = Math.Min(to.Seconds, (origin + LongestAhead).Seconds);
        var jams = new List<ExpectedJam>();
        if (end > first.Seconds)
        {
            var horizon = (int)Math.Ceiling((end - first.Seconds) / panel.Step.TotalSeconds);
            var points = new double[panel.Sensors.Count * horizon];
            BatchPrediction.PredictAll(model.Forecaster, new ForecastOrigin(panel, slot - 1), points);
            jams.AddRange(ExpectedJams.InWindow(panel.Sensors, points, horizon, first, panel.Step, rule, from, to));
        }

        var names = new Dictionary<SensorId, string>();
        foreach (var sensor in await observations.ListSensorsAsync(cancellationToken))
        {
            names.TryAdd(sensor.Id, sensor.Name);
        }

        return new RoadJamBriefing(saved.Name, saved.Id, jams, names);
    }
}
