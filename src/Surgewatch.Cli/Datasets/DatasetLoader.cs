using Spectre.Console;
using Surgewatch.Cli.Common;
using Surgewatch.Core.Series;
using Surgewatch.Ingestion;
using Surgewatch.Ingestion.Sources;

namespace Surgewatch.Cli.Datasets;

/// <summary>Loads the dataset a command names: a data folder (with its edges.csv road graph, if any), one file, or the demo city.</summary>
internal static class DatasetLoader
{
    public static Dataset Load(CliContext context, string? path, bool demo, ReaderOptions options)
    {
        if (demo == (path is not null))
        {
            throw new UserInputException("Give either --data PATH or --demo.");
        }

        if (demo)
        {
            return DemoDataset.Load();
        }

        CliParsing.RequireFileOrFolder(path!, "--data ");

        DataSet? data = null;
        context.Console.Status().Start($"Reading {path}", _ => data = DataSet.Load(path!, options));
        var panel = SeriesPanel.FromBatch(data!.Observations, data.Step);
        context.Console.MarkupLineInterpolated($"Read [bold]{data.Observations.Count:N0}[/] readings of [bold]{panel.Sensors.Count}[/] sensors, step {data.Step}, {panel.Start} to {panel.LabelAt(panel.Length - 1)}.");
        return new Dataset(NameOf(path!), panel, data.Sensors, data.Edges);
    }

    private static string NameOf(string path) =>
        Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)));
}
