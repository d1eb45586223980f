using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Steps;

namespace Surgewatch.Ingestion.Sources;

/// <summary>Everything read from a data folder or a single observations file.</summary>
/// <param name="Sensors">The sensors of sensors.csv, then a default entry (name = id, no location) for each sensor that only the observations name; all with <paramref name="Step"/>.</param>
/// <param name="Observations">The readings.</param>
/// <param name="Step">The series step: the configured one, else the one inferred from the labels, else hourly.</param>
/// <param name="Edges">The sensor graph of a folder's edges.csv, naming only sensors of <paramref name="Sensors"/>; null when there is none.</param>
public sealed record DataSet(IReadOnlyList<Sensor> Sensors, ObservationBatch Observations, TimeSpan Step, IReadOnlyList<SensorEdge>? Edges = null)
{
    /// <summary>
    /// Reads <paramref name="path"/>: a data folder (see <see cref="DataFolder"/>) or one observations file in any
    /// format (see <see cref="ObservationReader"/>), whose sensors then get default metadata. Bad input is an
    /// <see cref="InputRejectedException"/>, as is a folder without exactly one observations file.
    /// </summary>
    public static DataSet Load(string path, ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return DataFolder.Locate(path).Read(options);
        }

        options ??= ReaderOptions.Default;
        var observations = ObservationReader.ReadFile(path, options);
        var step = StepInference.Resolve(observations, options.Step, Path.GetFileName(path));
        return Create([], observations, options with { Step = step });
    }

    /// <summary>The set of <paramref name="listed"/> sensors plus defaults for the unlisted ones; <paramref name="options"/> carries the resolved step.</summary>
    internal static DataSet Create(IReadOnlyList<Sensor> listed, ObservationBatch observations, ReaderOptions options)
    {
        var step = options.Step ?? Sensor.Hourly;
        var sensors = new List<Sensor>(listed);
        var known = listed.Select(s => s.Id).ToHashSet();
        foreach (var id in observations.Sensors)
        {
            if (known.Add(id))
            {
                sensors.Add(new Sensor(id, id.Value, null, options.Kind, step));
            }
        }

        return new DataSet(sensors, observations, step);
    }
}
