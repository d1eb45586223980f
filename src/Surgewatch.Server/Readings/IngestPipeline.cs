using Surgewatch.Core.Series;
using Surgewatch.Server.Live;
using Surgewatch.Server.Monitoring;

namespace Surgewatch.Server.Readings;

/// <summary>
/// The one path every reading takes into the server (HTTP ingest, the demo and replay feeders): stored first, then
/// handed to the monitor's recent window, the deployed model's live panel and the live broadcaster, and the monitor is woken.
/// </summary>
internal sealed class IngestPipeline(
    IObservationStore store, RecentReadings recent, ReadingsBroadcaster broadcaster, Deployment.LiveDeployment deployment, MonitorSignal signal)
{
    public async Task<IngestResult> IngestAsync(ObservationBatch batch, CancellationToken cancellationToken)
    {
        var result = await store.UpsertObservationsAsync(batch, cancellationToken: cancellationToken);
        recent.Add(batch);
        deployment.Add(batch);
        broadcaster.Add(batch);
        signal.Nudge();
        return result;
    }
}
