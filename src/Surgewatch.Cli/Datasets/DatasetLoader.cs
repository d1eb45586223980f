using Surgewatch.Cli.Common;
using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Sources;

namespace Surgewatch.Cli.Datasets;

/// <summary>Loads the dataset a command names: a data folder, one file, or the demo city.</summary>
internal static class DatasetLoader
{
    public static Dataset Load(CliContext context, string? path, bool demo)
    {
        if (demo == (path is not null))
        {
            throw new UserInputException("Give either --data PATH or --demo.");
        }

        _ = context;
        return demo ? DemoDataset.Load() : LoadPath(path!);
    }

    private static Dataset LoadPath(string path)
    {
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            throw new UserInputException($"--data {path}: no such folder or file.");
        }

        DataSet data;
        try
        {
            data = DataSet.Load(path);
        }
        catch (Exception e) when (e is InputRejectedException or DataFolderException)
        {
            throw new UserInputException($"--data {path}: {e.Message}");
        }

        var panel = SeriesPanel.FromBatch(data.Observations, data.Step);
        var edgesFile = Directory.Exists(path) ? Path.Combine(path, "edges.csv") : null;
        var edges = edgesFile is not null && File.Exists(edgesFile) ? EdgesCsv.Read(edgesFile) : null;
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)));
        return new Dataset(name, panel, data.Sensors, edges);
    }
}
