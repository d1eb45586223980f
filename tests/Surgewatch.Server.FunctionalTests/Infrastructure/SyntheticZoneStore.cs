using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Models.Deployment;
using Surgewatch.Storage.Sqlite;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Server.FunctionalTests.Infrastructure;

/// <summary>Fills a test's store with the synthetic city's zones, their sensors and a quiet history, and trains a model on it.</summary>
public static class SyntheticZoneStore
{
    /// <summary>
    /// Writes the zones, their sensors and their readings (no surge) of every <paramref name="step"/> in
    /// [<paramref name="from"/>, <paramref name="to"/>) into the store at <paramref name="databasePath"/>.
    /// </summary>
    public static void Fill(string databasePath, TimeLabel from, TimeLabel to, TimeSpan step)
    {
        using var store = SqliteStore.Open(databasePath);
        store.UpsertZonesAsync(SyntheticZones.Zones()).GetAwaiter().GetResult();
        store.UpsertSensorsAsync(SyntheticZones.Sensors(step)).GetAwaiter().GetResult();
        var batch = new ObservationBatch(64 * 1024);
        for (var t = from; t < to; t += step)
        {
            SyntheticZones.AddReadings(batch, t, step, surgeStart: null);
        }

        store.UpsertObservationsAsync(batch).GetAwaiter().GetResult();
    }

    /// <summary>Trains <paramref name="model"/> on the counters in the store at <paramref name="databasePath"/> and saves it there; returns its id.</summary>
    public static async Task<long> SaveModelAsync(string databasePath, string model)
    {
        using var store = SqliteStore.Open(databasePath);
        var counters = (await StorePanels.LoadAsync(store, null, CancellationToken.None))!;
        var trained = ModelTrainer.Train(counters.Panel, null, new TrainingRequest(model), TimeProvider.System);
        return await store.SaveModelAsync(trained.Saved);
    }
}
