using Surgewatch.Cli.Common;
using Surgewatch.Core.Series;

namespace Surgewatch.Cli.Datasets;

/// <summary>Loads every reading of a store, with its road graph, as a dataset (for <c>train</c> and <c>forecast</c> without <c>--data</c>).</summary>
internal static class StoreDataset
{
    public static async Task<Dataset> LoadAsync(OpenedStore store, CancellationToken cancellation)
    {
        var sensors = await store.Observations.ListSensorsAsync(cancellation);
        if (sensors.Count == 0)
        {
            throw new UserInputException($"The store {store.DataSource} holds no sensors: ingest data first (surgewatch ingest) or give --data.");
        }

        var step = sensors[0].Step;
        foreach (var sensor in sensors)
        {
            if (sensor.Step != step)
            {
                throw new UserInputException($"The store mixes steps ({step} and {sensor.Step}, sensor {sensor.Id}); give --data with one step instead.");
            }
        }

        var batch = await store.Observations.ReadObservationsAsync(new ObservationQuery(), cancellation);
        if (batch.Count == 0)
        {
            throw new UserInputException($"The store {store.DataSource} holds no readings: ingest data first (surgewatch ingest) or give --data.");
        }

        var edges = await store.RoadGraph.ListEdgesAsync(cancellation);
        return new Dataset(Path.GetFileNameWithoutExtension(store.DataSource), SeriesPanel.FromBatch(batch, step), sensors, edges.Count > 0 ? edges : null);
    }
}
