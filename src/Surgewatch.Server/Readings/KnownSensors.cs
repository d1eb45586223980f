using Surgewatch.Core.Series;

namespace Surgewatch.Server.Readings;

/// <summary>
/// The kinds and steps of the sensors the store knows, so that an ingest request checks each value against its own sensor's
/// kind (a road-speed sensor loaded by <c>surgewatch ingest --kind road-speed</c> takes fractional speeds over
/// HTTP; a pedestrian counter takes only whole counts). Reloaded from the store at most every
/// <see cref="MaxAge"/>; a sensor the store does not know yet is new, and takes the default kind.
/// </summary>
internal sealed class KnownSensors(IObservationStore store, TimeProvider clock)
{
    /// <summary>How stale the kinds may be: a kind changed by another process is honoured within this time.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <summary>A lookup of the current kinds, reloaded first when older than <see cref="MaxAge"/>.</summary>
    public async ValueTask<Func<SensorId, SensorKind?>> LookupAsync(CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).KindOf;

    /// <summary>A lookup of the sensors' reporting steps (null for a sensor the store does not know), as fresh as <see cref="LookupAsync"/>.</summary>
    public async ValueTask<Func<SensorId, TimeSpan?>> StepsAsync(CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).StepOf;

    private async ValueTask<Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        if (_snapshot is { } fresh && clock.GetElapsedTime(fresh.LoadedAt, now) < MaxAge)
        {
            return fresh;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } loaded && clock.GetElapsedTime(loaded.LoadedAt, clock.GetTimestamp()) < MaxAge)
            {
                return loaded;
            }

            var sensors = await store.ListSensorsAsync(cancellationToken);
            var known = new Dictionary<string, Sensor>(sensors.Count, StringComparer.Ordinal);
            foreach (var sensor in sensors)
            {
                known[sensor.Id.Value] = sensor;
            }

            var snapshot = new Snapshot(known, clock.GetTimestamp());
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed record Snapshot(Dictionary<string, Sensor> Sensors, long LoadedAt)
    {
        public SensorKind? KindOf(SensorId id) => Sensors.TryGetValue(id.Value, out var sensor) ? sensor.Kind : null;

        public TimeSpan? StepOf(SensorId id) => Sensors.TryGetValue(id.Value, out var sensor) ? sensor.Step : null;
    }
}
