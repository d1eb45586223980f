using Spectre.Console;

namespace Surgewatch.Cli;

/// <summary>What every command needs from the outside world: a console to talk to and a clock.</summary>
/// <param name="Console">Where tables, progress bars and messages go.</param>
/// <param name="Time">The clock (tests pass a fake one).</param>
/// <param name="Log">Where running figures go (standard error unless given), apart from a command's results.</param>
internal sealed record CliContext(IAnsiConsole Console, TimeProvider Time, TextWriter? Log = null)
{
    /// <summary>The writer for running figures: <see cref="Log"/>, or standard error.</summary>
    public TextWriter Errors => Log ?? System.Console.Error;
}
