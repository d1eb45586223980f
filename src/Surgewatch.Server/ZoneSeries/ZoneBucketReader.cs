using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Core.ZoneSeries;

namespace Surgewatch.Server.ZoneSeries;

/// <summary>Reads a zone's stored readings and hands them to Core's <see cref="ZoneBuckets"/>.</summary>
internal static class ZoneBucketReader
{
    /// <summary>The zone's buckets of <paramref name="step"/> holding labels in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static async Task<ZoneBuckets> ReadAsync(IObservationStore store, Zone zone, TimeLabel from, TimeLabel to, TimeSpan step, CancellationToken cancellationToken)
    {
        var (first, _) = ZoneBuckets.Grid(from, to, step);
        var sensors = zone.Sources.Select(s => s.Sensor).Distinct().ToList();
        var batch = sensors.Count == 0 ? new ObservationBatch(1) : await store.ReadObservationsAsync(new ObservationQuery(sensors, first, to), cancellationToken);
        return ZoneBuckets.Of(zone, batch, from, to, step);
    }
}
