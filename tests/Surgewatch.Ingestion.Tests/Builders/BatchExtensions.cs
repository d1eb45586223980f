using Surgewatch.Core.Series;

namespace Surgewatch.Ingestion.Tests.Builders;

internal static class BatchExtensions
{
    /// <summary>The rows as <c>sensor@label=value</c>, in batch order.</summary>
    public static List<string> Rows(this ObservationBatch batch)
    {
        var rows = new List<string>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var o = batch[i];
            rows.Add(FormattableString.Invariant($"{o.SensorId}@{o.Time}={o.Value}"));
        }

        return rows;
    }
}
