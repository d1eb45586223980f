using Surgewatch.Cli.Common;

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
        return demo ? DemoDataset.Load() : throw new UserInputException("Reading data folders arrives with the ingestion readers.");
    }
}
