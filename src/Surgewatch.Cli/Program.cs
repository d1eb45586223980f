using Spectre.Console;
using Surgewatch.Cli;

var context = new CliContext(AnsiConsole.Console, TimeProvider.System);
return await SurgewatchCommand.Create(context).Parse(args).InvokeAsync();
