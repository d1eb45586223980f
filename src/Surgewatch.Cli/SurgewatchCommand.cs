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

    /// <summary>
    /// Parses and runs <paramref name="args"/>. Input the parser refuses (an unknown option, a value of the wrong type,
    /// a required option left out) is one line on the error output naming what is wrong and exit code 2, as every other
    /// refused input; <c>--help</c>, and a command given without its subcommand, still print the help.
    /// </summary>
    public static async Task<int> RunAsync(CliContext context, string[] args, InvocationConfiguration? invocation = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        invocation ??= new InvocationConfiguration();
        var parse = Create(context).Parse(args);
        var command = parse.CommandResult.Command;
        var helpAsked = args.Any(a => a is "--help" or "-h" or "-?" or "/?");
        if (parse.Errors.Count == 0 || helpAsked || command.Subcommands.Count > 0)
        {
            return await parse.InvokeAsync(invocation);
        }

        var path = string.Join(' ', Path(parse.CommandResult));
        var messages = string.Join("; ", parse.Errors.Select(e => string.Join(' ', e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.')));
        await invocation.Error.WriteLineAsync($"{path}: {messages}. See '{path} --help'.");
        return 2;
    }

    private static IEnumerable<string> Path(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new Stack<string>();
        for (System.CommandLine.Parsing.SymbolResult? at = result; at is not null; at = at.Parent)
        {
            if (at is System.CommandLine.Parsing.CommandResult c)
            {
                names.Push(c.Command is RootCommand ? "surgewatch" : c.Command.Name);
            }
        }

        return names;
    }
}
