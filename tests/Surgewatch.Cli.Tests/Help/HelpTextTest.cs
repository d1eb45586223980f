using System.CommandLine;
using System.CommandLine.Help;
using System.Text.RegularExpressions;
using Spectre.Console;

namespace Surgewatch.Cli.Tests.Help;

/// <summary>What `--help` says about defaults: each default once, and options that default to true say so.</summary>
public sealed partial class HelpTextTest
{
    [Fact]
    public void Options_WithADefaultValue_StateTheDefaultOnlyInTheGeneratedDefaultTag()
    {
        var repeated = AllOptions()
            .Where(o => o.Option.HasDefaultValue && DefaultWord().IsMatch(o.Option.Description ?? string.Empty))
            .Select(o => $"{o.Command} {o.Option.Name}: {o.Option.Description}")
            .ToList();

        repeated.Should().BeEmpty("--help already prints [default: …] for an option with a default value; its description must not say it again");
    }

    [Fact]
    public void Options_OfTypeBoolThatDefaultToTrue_ShowTheDefaultInHelp()
    {
        var hidden = AllOptions()
            .Where(o => o.Option.ValueType == typeof(bool) && o.Option.HasDefaultValue && o.Option.GetDefaultValue() is true)
            .ToList();

        hidden.Should().NotBeEmpty("some switches default to true (evaluate-warnings --pool-sensors)");
        foreach (var (command, option) in hidden)
        {
            var help = HelpOf(command);
            help.Should().MatchRegex($"{Regex.Escape(option.Name)}[^\\n]*\\[default: [Tt]rue\\]", $"{command} {option.Name} defaults to true, and --help must say so");
        }
    }

    [Fact]
    public async Task Help_EveryCommand_ExitsZeroAndDescribesEveryOption()
    {
        foreach (var (command, option) in AllOptions())
        {
            option.Description.Should().NotBeNullOrWhiteSpace($"{command} {option.Name} needs a description");
        }

        var (exit, output) = await CliRunner.RunAsync("brief", "--help");
        exit.Should().Be(0);
        output.Should().Contain("--date");
    }

    private static IEnumerable<(string Command, Option Option)> AllOptions()
    {
        var root = SurgewatchCommand.Create(new CliContext(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }), TimeProvider.System));
        return Walk(root, string.Empty);

        static IEnumerable<(string, Option)> Walk(Command command, string prefix)
        {
            var path = prefix.Length == 0 ? command.Name : $"{prefix} {command.Name}";
            foreach (var option in command.Options.Where(o => o is not HelpOption and not VersionOption))
            {
                yield return (path, option);
            }

            foreach (var sub in command.Subcommands)
            {
                foreach (var item in Walk(sub, path))
                {
                    yield return item;
                }
            }
        }
    }

    private static string HelpOf(string commandPath)
    {
        var words = commandPath.Split(' ').Skip(1).Append("--help").ToArray();
        return CliRunner.RunAsync(words).GetAwaiter().GetResult().Output;
    }

    [GeneratedRegex(@"\bdefault\b", RegexOptions.IgnoreCase)]
    private static partial Regex DefaultWord();
}
