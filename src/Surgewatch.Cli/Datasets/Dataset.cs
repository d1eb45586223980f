using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;

namespace Surgewatch.Cli.Datasets;

/// <summary>A named panel of series ready to backtest, with what is known about its sensors.</summary>
/// <param name="Name">The folder or file name, or "demo".</param>
/// <param name="Panel">The series on one grid.</param>
/// <param name="Sensors">Sensor metadata, where a sensor list was found.</param>
/// <param name="Edges">The sensor graph from the folder's edges.csv, or null when it has none.</param>
internal sealed record Dataset(string Name, SeriesPanel Panel, IReadOnlyList<Sensor> Sensors, IReadOnlyList<SensorEdge>? Edges = null);
