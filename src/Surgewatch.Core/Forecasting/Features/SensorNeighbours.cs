using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting.Features;

/// <summary>
/// The neighbours of every series of a panel, by series index, with weights: built from a sensor graph's edges.
/// Self-loops, edges of weight ≤ 0 and edges naming sensors outside the panel are left out.
/// </summary>
public sealed class SensorNeighbours
{
    private readonly int[][] _indexes;
    private readonly double[][] _weights;

    private SensorNeighbours(int[][] indexes, double[][] weights)
    {
        _indexes = indexes;
        _weights = weights;
    }

    /// <summary>The number of series.</summary>
    public int Count => _indexes.Length;

    /// <summary>
    /// Lays <paramref name="edges"/> onto the series of <paramref name="panel"/>; with <paramref name="reverse"/>,
    /// each edge is read backwards, so a series' neighbours are the sensors whose edges lead to it.
    /// </summary>
    public static SensorNeighbours FromEdges(SeriesPanel panel, IEnumerable<SensorEdge> edges, bool reverse = false)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(edges);
        var indexes = new List<int>[panel.Sensors.Count];
        var weights = new List<double>[indexes.Length];
        for (var i = 0; i < indexes.Length; i++)
        {
            indexes[i] = [];
            weights[i] = [];
        }

        foreach (var edge in edges)
        {
            var from = panel.IndexOf(reverse ? edge.To : edge.From);
            var to = panel.IndexOf(reverse ? edge.From : edge.To);
            if (from < 0 || to < 0 || from == to || !(edge.Weight > 0))
            {
                continue;
            }

            indexes[from].Add(to);
            weights[from].Add(edge.Weight);
        }

        var idx = new int[indexes.Length][];
        var w = new double[indexes.Length][];
        for (var i = 0; i < idx.Length; i++)
        {
            idx[i] = [.. indexes[i]];
            w[i] = [.. weights[i]];
        }

        return new SensorNeighbours(idx, w);
    }

    /// <summary>The series indexes of <paramref name="series"/>'s neighbours.</summary>
    public ReadOnlySpan<int> Of(int series) => _indexes[series];

    /// <summary>The weights of <paramref name="series"/>'s neighbours, in the order of <see cref="Of"/>.</summary>
    public ReadOnlySpan<double> WeightsOf(int series) => _weights[series];
}
