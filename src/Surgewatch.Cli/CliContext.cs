using Spectre.Console;

namespace Surgewatch.Cli;

/// <summary>What every command needs from the outside world: a console to talk to and a clock.</summary>
/// <param name="Console">Where tables, progress bars and messages go.</param>
/// <param name="Time">The clock (tests pass a fake one).</param>
internal sealed record CliContext(IAnsiConsole Console, TimeProvider Time);
