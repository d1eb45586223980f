using Surgewatch.Core.Calendar;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Live;
using Surgewatch.Core.Series;

namespace Surgewatch.Models.Deployment;

/// <summary>
/// The panel a saved model is loaded onto to forecast from a store: its sensors and the family's others of its grid
/// (<see cref="StorePanels.Of"/>, <see cref="ForecastGrid"/>), with <see cref="History"/> of readings before the
/// present and room for <see cref="Headroom"/> after it. The server's live deployment and the roads' briefing both
/// load it here, so both forecast from the same readings.
/// </summary>
public static class DeploymentPanel
{
    /// <summary>How much history the panel holds: enough for every model's features (gbm looks eight weeks back).</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(70);

    /// <summary>How far past the history a live panel reaches before it is rolled.</summary>
    public static readonly TimeSpan Headroom = TimeSpan.FromDays(14);

    /// <summary>
    /// The panel of <paramref name="model"/>'s family in <paramref name="store"/> from <see cref="History"/> before
    /// <paramref name="now"/>, with every stored reading from then on (forecasts read only what lies before their origin).
    /// With <paramref name="groups"/> (a node of a cluster running some groups of the family) it holds only their
    /// sensors, unless the model reads other sensors' readings (the sensor graph's neighbours): a model forecasts each
    /// sensor from that sensor's readings alone otherwise, so a group's panel forecasts it as the family's does.
    /// </summary>
    public static async Task<LivePanel> LoadAsync(IObservationStore store, SavedModel model, TimeLabel now, CancellationToken cancellationToken, SensorGroups? groups = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(model);
        var family = StorePanels.Of(await store.ListSensorsAsync(cancellationToken), model.Subjects).Where(s => ForecastGrid.StepFor(s.Step) == model.Step).ToList();
        var sensors = model.Sensors.Union(family.Select(s => s.Id)).ToList();
        if (groups is { IsAll: false } some && !ModelFeatures.FromJson(model.Features).Edges)
        {
            sensors = [.. sensors.Where(some.Covers)];
        }

        var stepSeconds = (long)model.Step.TotalSeconds;
        var start = new TimeLabel((now - History).Seconds / stepSeconds * stepSeconds);
        var capacity = (int)((History + Headroom) / model.Step);
        var sensorStep = family.Count > 0 ? family[0].Step : model.Step;
        var kinds = family.ToDictionary(s => s.Id, s => ForecastGrid.AggregationOf(s.Kind));
        var panel = new LivePanel(sensors, model.Step, start, capacity, sensorStep, id => kinds.GetValueOrDefault(id, SlotAggregation.Mean));
        var readings = await store.ReadObservationsAsync(new ObservationQuery(sensors, start), cancellationToken);
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
}
