using Surgewatch.Ingestion.Csv;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Steps;

namespace Surgewatch.Ingestion.Sources;

/// <summary>
/// A directory holding one observations file, <c>counts.csv[.gz]</c> (long CSV) or <c>readings.csv[.gz]</c>
/// (wide CSV), and optionally <c>sensors.csv[.gz]</c> and the sensor graph <c>edges.csv[.gz]</c>.
/// </summary>
/// <param name="Directory">The directory.</param>
/// <param name="ObservationsPath">The observations file.</param>
/// <param name="Format">The observations file's format, from its name.</param>
/// <param name="SensorsPath">The sensor list, or null when there is none.</param>
/// <param name="EdgesPath">The sensor graph, or null when there is none.</param>
public sealed record DataFolder(string Directory, string ObservationsPath, InputFormat Format, string? SensorsPath, string? EdgesPath = null)
{
    private static readonly (string Name, InputFormat Format)[] ObservationFiles =
    [
        ("counts.csv", InputFormat.LongCsv), ("counts.csv.gz", InputFormat.LongCsv),
        ("readings.csv", InputFormat.WideCsv), ("readings.csv.gz", InputFormat.WideCsv),
    ];

    /// <summary>
    /// Finds the files of the data folder at <paramref name="directory"/>; <see cref="InputRejectedException"/>, naming
    /// the folder, when it has not exactly one observations file or holds two sensor lists or two graphs.
    /// </summary>
    public static DataFolder Locate(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The data folder '{directory}' does not exist.");
        }

        var found = ObservationFiles.Where(f => File.Exists(Path.Combine(directory, f.Name))).ToArray();
        if (found.Length != 1)
        {
            var names = string.Join(", ", found.Select(f => f.Name));
            throw Refused(directory, found.Length == 0
                ? "holds no observations: expected counts.csv or counts.csv.gz (long CSV: timestamp,sensor_id,count) or readings.csv or readings.csv.gz (wide CSV: timestamp then one column per sensor)."
                : $"holds more than one observations file ({names}); keep only one.");
        }

        return new DataFolder(directory, Path.Combine(directory, found[0].Name), found[0].Format, Optional(directory, "sensors.csv"), Optional(directory, "edges.csv"));
    }

    /// <summary>
    /// Reads the folder. The step is <see cref="ReaderOptions.Step"/> when given (the labels must then be whole steps
    /// apart), else inferred from the labels, else hourly. Any bad file or step is an <see cref="InputRejectedException"/>,
    /// as is a graph naming a sensor that neither the sensor list nor the observations name.
    /// </summary>
    public DataSet Read(ReaderOptions? options = null)
    {
        options ??= ReaderOptions.Default;
        var observations = ObservationReader.ReadFile(ObservationsPath, Format, options);
        var step = StepInference.Resolve(observations, options.Step, Path.GetFileName(ObservationsPath));
        var stepped = options with { Step = step };
        var listed = SensorsPath is null ? [] : SensorsCsvReader.ReadFile(SensorsPath, stepped);
        var data = DataSet.Create(listed, observations, stepped);
        if (EdgesPath is null)
        {
            return data;
        }

        var known = data.Sensors.Select(s => s.Id).ToHashSet();
        var edges = EdgesCsvReader.ReadFile(EdgesPath, stepped, known.Contains, "a folder's graph names only sensors of its sensor list or its readings");
        return data with { Edges = edges };
    }

    /// <summary>The plain or gzip file <paramref name="name"/> of the folder, or null; refused when both are there.</summary>
    private static string? Optional(string directory, string name)
    {
        var paths = new[] { name, name + ".gz" }.Select(n => Path.Combine(directory, n)).Where(File.Exists).ToArray();
        return paths.Length > 1 ? throw Refused(directory, $"holds both {name} and {name}.gz; keep only one.") : paths.SingleOrDefault();
    }

    private static InputRejectedException Refused(string directory, string message) =>
        new(new InputError(directory, null, null, message));
}
