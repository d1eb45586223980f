using System.CommandLine;
using Surgewatch.Cli.Backtest;
using Surgewatch.Cli.Briefing;
using Surgewatch.Cli.Edge;
using Surgewatch.Cli.Forecast;
using Surgewatch.Cli.Ingest;
using Surgewatch.Cli.Serve;
using Surgewatch.Cli.Train;
using Surgewatch.Cli.Warnings;
using Surgewatch.Cli.Zones;

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
            ZonesCommand.Create(context),
            EvaluateWarningsCommand.Create(context),
            BriefCommand.Create(context),
            EdgeCommand.Create(context),
        };
        return root;
    }
}
