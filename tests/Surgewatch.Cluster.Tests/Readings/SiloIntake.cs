using System.Collections.Concurrent;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Series;

namespace Surgewatch.Cluster.Tests.Readings;

/// <summary>A test silo's node side of the relay: records the readings it is handed.</summary>
internal sealed class SiloIntake : IRelayedReadings
{
    public ConcurrentQueue<Observation> Taken { get; } = new();

    public bool WantsEveryReading { get; set; }

    public void Take(ObservationBatch batch)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            Taken.Enqueue(batch[i]);
        }
    }
}
