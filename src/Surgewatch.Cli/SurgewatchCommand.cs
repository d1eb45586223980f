using System.CommandLine;
using Surgewatch.Cli.Backtest;
using Surgewatch.Cli.Forecast;
using Surgewatch.Cli.Ingest;
using Surgewatch.Cli.Serve;
using Surgewatch.Cli.Train;

namespace Surgewatch.Cli;

/// <summary>The <c>surgewatch</c> command and its subcommands.</summary>
internal static class SurgewatchCommand
{
    public static RootCommand Create(CliContext context)
    {
        var root = new RootCommand("Surgewatch: crowd-safety and traffic early warning from anonymous counts.")
        {
            IngestCommand.Create(context),
            BacktestCommand.Create(context),
            TrainCommand.Create(context),
            ForecastCommand.Create(context),
            ServeCommand.Create(context),
        };
        return root;
    }
}
