using Surgewatch.Core.Forecasting.Features;

namespace Surgewatch.Core.Roads;

/// <summary>
/// The port through which the road graph is kept: directed, weighted links between stored sensors (a data folder's
/// <c>edges.csv</c>). An edge names two sensors the store already knows; a batch naming any other sensor is refused
/// whole with <see cref="Storage.UnknownSensorException"/>, and a weight that is not a finite number above zero with
/// <see cref="ArgumentException"/>. A batch that gives one (from, to) pair twice keeps its last weight.
/// </summary>
public interface IRoadGraphStore
{
    /// <summary>Adds edges, or changes the weight of those already stored, in one transaction.</summary>
    Task UpsertEdgesAsync(IReadOnlyList<SensorEdge> edges, CancellationToken cancellationToken = default);

    /// <summary>Replaces the whole graph with <paramref name="edges"/> in one transaction (an empty list clears it).</summary>
    Task ReplaceEdgesAsync(IReadOnlyList<SensorEdge> edges, CancellationToken cancellationToken = default);

    /// <summary>Every stored edge, ordered by the ordinal order of its from id, then of its to id.</summary>
    Task<IReadOnlyList<SensorEdge>> ListEdgesAsync(CancellationToken cancellationToken = default);
}
