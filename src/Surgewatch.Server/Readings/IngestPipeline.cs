using Surgewatch.Core.Live;
using Surgewatch.Core.Series;
using Surgewatch.Server.Live;
using Surgewatch.Server.Monitoring;

namespace Surgewatch.Server.Readings;

/// <summary>
/// The one path every reading takes into the server (HTTP ingest, the demo and replay feeders): stored first, then
/// handed to the monitor's recent window, the deployed models' live panels (counters and roads) and the live broadcaster, and the monitor is woken.
/// </summary>
internal sealed class IngestPipeline(
    IObservationStore store, RecentReadings recent, ReadingsBroadcaster broadcaster, Deployment.LiveDeployment deployment, Deployment.RoadDeployment roads, MonitorSignal signal, Metrics.ServerMetrics metrics)
{
    /// <summary>Stores <paramref name="batch"/> and hands it on; <paramref name="source"/> (<c>http</c>, <c>demo</c>, <c>replay</c>) labels the readings metric.</summary>
    public async Task<IngestResult> IngestAsync(ObservationBatch batch, CancellationToken cancellationToken, string source = Metrics.ServerMetrics.HttpSource)
    {
        var result = await store.UpsertObservationsAsync(batch, cancellationToken: cancellationToken);
        metrics.CountReadings(source, result.Received);
        recent.Add(batch);
        deployment.Add(batch);
        roads.Add(batch);
        broadcaster.Add(batch);
        signal.Nudge();
        return result;
    }
}
