using Surgewatch.Core.Series;

namespace Surgewatch.Ingestion.Sources;

/// <summary>Everything read from a data folder.</summary>
/// <param name="Sensors">The sensors of sensors.csv, then a default entry (name = id, no location) for each sensor that only the observations name; all with <paramref name="Step"/>.</param>
/// <param name="Observations">The readings.</param>
/// <param name="Step">The series step: the configured one, else the one inferred from the labels, else hourly.</param>
public sealed record DataSet(IReadOnlyList<Sensor> Sensors, ObservationBatch Observations, TimeSpan Step);
