using Surgewatch.Core.Calendar;

namespace Surgewatch.Core.Series;

/// <summary>What an ingest changed.</summary>
/// <param name="Received">Rows offered.</param>
/// <param name="Written">Rows that were new or changed a stored value; re-ingesting the same rows writes none.</param>
public readonly record struct IngestResult(long Received, long Written);

/// <summary>A selection of stored observations: all sensors when <see cref="Sensors"/> is null, labels in [<see cref="From"/>, <see cref="To"/>).</summary>
/// <param name="Sensors">The sensors to read, or null for all.</param>
/// <param name="From">The first label, inclusive, or null for the earliest.</param>
/// <param name="To">The last label, exclusive, or null for the latest.</param>
public sealed record ObservationQuery(IReadOnlyList<SensorId>? Sensors = null, TimeLabel? From = null, TimeLabel? To = null);

/// <summary>The port through which sensors and their observations are kept.</summary>
public interface IObservationStore
{
    /// <summary>Adds sensors, or updates those already known.</summary>
    Task UpsertSensorsAsync(IReadOnlyList<Sensor> sensors, CancellationToken cancellationToken = default);

    /// <summary>All known sensors, ordered by id.</summary>
    Task<IReadOnlyList<Sensor>> ListSensorsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a batch in one transaction: all of it or, on any failure, none of it. A row for a sensor and
    /// label already stored replaces the value, so writing the same batch twice leaves the same state.
    /// Sensors not yet known are added with default metadata. <paramref name="progress"/> gets rows written so far.
    /// </summary>
    Task<IngestResult> UpsertObservationsAsync(ObservationBatch batch, IProgress<long>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>The stored observations that <paramref name="query"/> selects, ordered by sensor then label.</summary>
    Task<ObservationBatch> ReadObservationsAsync(ObservationQuery query, CancellationToken cancellationToken = default);

    /// <summary>The number of stored observations.</summary>
    Task<long> CountObservationsAsync(CancellationToken cancellationToken = default);
}
