using Surgewatch.Core.Series;

namespace Surgewatch.Server.FunctionalTests.Infrastructure;

/// <summary>A temporary folder for a store that a test fills before a server opens it; removed on dispose.</summary>
public sealed class StoreFolder : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("surgewatch-store-").FullName;

    /// <summary>The store's file in the folder.</summary>
    public string DatabasePath => Path.Combine(_folder, "store.db");

    /// <summary>The readings of slots [<paramref name="from"/>, <paramref name="to"/>) of every series of <paramref name="panel"/>, missing ones left out.</summary>
    public static ObservationBatch Rows(SeriesPanel panel, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var batch = new ObservationBatch(1024);
        for (var s = 0; s < panel.Sensors.Count; s++)
        {
            var index = batch.InternSensor(panel.Sensors[s]);
            for (var t = from; t < to; t++)
            {
                if (!double.IsNaN(panel.Values(s)[t]))
                {
                    batch.Add(index, panel.LabelAt(t), panel.Values(s)[t]);
                }
            }
        }

        return batch;
    }

    public void Dispose()
    {
        // A server fixture given this path may have removed the folder already.
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
