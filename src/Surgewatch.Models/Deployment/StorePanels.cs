using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;

namespace Surgewatch.Models.Deployment;

/// <summary>The counters or the roads a server trains on and warns about, with their readings laid on one grid.</summary>
/// <param name="Panel">The readings.</param>
/// <param name="Sensors">The sensors, in the panel's order.</param>
public sealed record SubjectPanel(SeriesPanel Panel, IReadOnlyList<Sensor> Sensors);

/// <summary>
/// Reads a server's counters or roads from its store. Counters are sensors that count (people, devices, occupancy)
/// and warn of surges; roads are road speed sensors and warn of congestion (road flows have no rule yet). Each family
/// is the sensors of the most common step among them, laid on their forecast grid (<see cref="ForecastGrid"/>: minute
/// counters on quarter-hours); sensors of other steps are left out, and so not forecast or warned about by its model.
/// </summary>
public static class StorePanels
{
    /// <summary>The counters' readings from <paramref name="from"/> (all when null), or null when there are none.</summary>
    public static Task<SubjectPanel?> LoadAsync(IObservationStore store, TimeLabel? from, CancellationToken cancellationToken) =>
        LoadAsync(store, from, ModelSubjects.Counters, cancellationToken);

    /// <summary>The readings of <paramref name="subjects"/> from <paramref name="from"/> (all when null), or null when there are none.</summary>
    public static async Task<SubjectPanel?> LoadAsync(IObservationStore store, TimeLabel? from, ModelSubjects subjects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var counters = Of(await store.ListSensorsAsync(cancellationToken), subjects);
        if (counters.Count == 0)
        {
            return null;
        }

        var batch = await store.ReadObservationsAsync(new ObservationQuery([.. counters.Select(c => c.Id)], from), cancellationToken);
        if (batch.Count == 0)
        {
            return null;
        }

        var byId = counters.ToDictionary(c => c.Id);
        var sensorStep = counters[0].Step;
        var panel = ForecastGrid.Aggregate(batch, sensorStep, ForecastGrid.StepFor(sensorStep), id => ForecastGrid.AggregationOf(byId[id].Kind));
        return new SubjectPanel(panel, [.. panel.Sensors.Select(id => byId[id])]);
    }

    /// <summary>The counting sensors of the most common step (ties: the shorter step).</summary>
    public static IReadOnlyList<Sensor> Counters(IReadOnlyList<Sensor> sensors) => Of(sensors, ModelSubjects.Counters);

    /// <summary>The sensors of <paramref name="subjects"/> of the most common step among them (ties: the shorter step).</summary>
    public static IReadOnlyList<Sensor> Of(IReadOnlyList<Sensor> sensors, ModelSubjects subjects)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        var counting = sensors.Where(s => subjects == ModelSubjects.Roads ? s.Kind == SensorKind.RoadSpeed : IsCounter(s.Kind)).ToList();
        if (counting.Count == 0)
        {
            return [];
        }

        var step = counting.GroupBy(s => s.Step).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        return [.. counting.Where(s => s.Step == step)];
    }

    /// <summary>Whether sensors of <paramref name="kind"/> are counters that get surge warnings.</summary>
    public static bool IsCounter(SensorKind kind) => kind is SensorKind.PedestrianCount or SensorKind.DeviceCount or SensorKind.Occupancy;
}
