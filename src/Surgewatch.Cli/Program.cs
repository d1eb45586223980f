using Spectre.Console;
using Surgewatch.Cli;

var context = new CliContext(AnsiConsole.Console, TimeProvider.System);
return await SurgewatchCommand.RunAsync(context, args);
