using Surgewatch.Core.Cluster;
using Surgewatch.Core.Live;
using Surgewatch.Core.Series;
using Surgewatch.Server.Live;
using Surgewatch.Server.Monitoring;

namespace Surgewatch.Server.Readings;

/// <summary>
/// The one path every reading takes into the server (HTTP ingest, the demo and replay feeders): stored first, then
/// relayed to the other nodes of a cluster whose steps use it (<see cref="IReadingsRelay"/>), handed to the monitor's
/// recent window, the deployed models' live panels (counters and roads) and the live broadcaster, and the monitor is
/// woken. Readings another node stored and relayed here take the same path from the recent window on
/// (<see cref="Take"/>): neither stored nor broadcast again, as their node did both.
/// </summary>
internal sealed class IngestPipeline(
    IObservationStore store, RecentReadings recent, ReadingsBroadcaster broadcaster, Deployment.LiveDeployment deployment, Deployment.RoadDeployment roads, MonitorSignal signal,
    Metrics.ServerMetrics metrics, IReadingsRelay relay) : IRelayedReadings
{
    /// <summary>Whether this node runs a deployed model (counters or roads), which forecasts from every sensor of its family.</summary>
    public bool WantsEveryReading => deployment.Runs || roads.Runs;

    /// <summary>Stores <paramref name="batch"/> and hands it on; <paramref name="source"/> (<c>http</c>, <c>demo</c>, <c>replay</c>) labels the readings metric.</summary>
    public async Task<IngestResult> IngestAsync(ObservationBatch batch, CancellationToken cancellationToken, string source = Metrics.ServerMetrics.HttpSource)
    {
        var result = await store.UpsertObservationsAsync(batch, cancellationToken: cancellationToken);
        metrics.CountReadings(source, result.Received);
        relay.Send(batch);
        Take(batch);
        broadcaster.Add(batch);
        return result;
    }

    /// <summary>Hands <paramref name="batch"/>, already stored, to the live step and the models' panels, and wakes the monitor.</summary>
    public void Take(ObservationBatch batch)
    {
        recent.Add(batch);
        deployment.Add(batch);
        roads.Add(batch);
        signal.Nudge();
    }
}
