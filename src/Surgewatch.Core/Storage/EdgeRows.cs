using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Storage;

/// <summary>An edge of the road graph as a store writes it: the two sensors' storage keys and the weight.</summary>
/// <param name="From">The key of the sensor the edge leaves.</param>
/// <param name="To">The key of its neighbour.</param>
/// <param name="Weight">The weight, finite and above zero.</param>
public readonly record struct EdgeRow(long From, long To, double Weight);

/// <summary>Turns road-graph edges into <see cref="EdgeRow"/>s, with the same checks and messages in every store adapter.</summary>
public static class EdgeRows
{
    /// <summary>
    /// The rows of <paramref name="edges"/>, in order, each sensor looked up in <paramref name="keys"/> (the store's
    /// sensors by id). Throws before anything is written: <see cref="ArgumentException"/> for a weight that is not a
    /// finite number above zero, <see cref="UnknownSensorException"/> for a sensor that <paramref name="keys"/> lacks.
    /// </summary>
    public static EdgeRow[] Resolve(IReadOnlyList<SensorEdge> edges, IReadOnlyDictionary<SensorId, long> keys)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(keys);
        var rows = new EdgeRow[edges.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var edge = edges[i];
            if (!(double.IsFinite(edge.Weight) && edge.Weight > 0))
            {
                throw new ArgumentException($"The edge from '{edge.From}' to '{edge.To}' has weight {edge.Weight}; a weight must be a finite number above zero.", nameof(edges));
            }

            rows[i] = new EdgeRow(Key(edge, edge.From, keys), Key(edge, edge.To, keys), edge.Weight);
        }

        return rows;
    }

    private static long Key(SensorEdge edge, SensorId sensor, IReadOnlyDictionary<SensorId, long> keys) =>
        keys.TryGetValue(sensor, out var key)
            ? key
            : throw new UnknownSensorException(
                sensor,
                $"The edge from '{edge.From}' to '{edge.To}' names sensor '{sensor}', which the store does not know: store the sensor first (sensors.csv or its readings); nothing of the graph was stored.");
}
