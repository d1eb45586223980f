using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting.Features;

/// <summary>A directed link of a sensor graph (e.g. a road network): readings at <paramref name="From"/> relate to those at <paramref name="To"/> with <paramref name="Weight"/> &gt; 0.</summary>
/// <param name="From">The sensor whose neighbour <paramref name="To"/> is.</param>
/// <param name="To">The neighbour.</param>
/// <param name="Weight">How strongly the two relate (larger is closer).</param>
public readonly record struct SensorEdge(SensorId From, SensorId To, double Weight);
