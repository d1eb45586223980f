namespace Surgewatch.Cli.Tests.Help;

/// <summary>Input the command-line parser refuses is one line and exit code 2, like every other refused input.</summary>
public sealed class ParseErrorTest
{
    [Theory]
    [InlineData("--stride x", "edge count", "--stride")]
    [InlineData("--detector cnn", "edge count", "--detector")]
    [InlineData("--no-such-option 1", "edge count", "--no-such-option")]
    [InlineData("", "edge count", "--sensor")]
    public async Task Run_OptionTheParserRefuses_OneLineNamingItAndExitCode2(string extra, string command, string named)
    {
        string[] args = [.. command.Split(' '), "--source", "clip.avi", .. (command == "edge count" && !extra.StartsWith("--sensor", StringComparison.Ordinal) && extra.Length > 0 ? ["--sensor", "cam"] : Array.Empty<string>()), .. extra.Split(' ', StringSplitOptions.RemoveEmptyEntries)];

        var (exit, output) = await CliRunner.RunAsync(args);

        exit.Should().Be(2, output);
        output.Trim().Split('\n').Should().ContainSingle("one line, not the help");
        output.Should().StartWith($"surgewatch {command}:").And.Contain(named).And.Contain("--help");
    }

    [Fact]
    public async Task Run_HelpAsked_PrintsTheHelpAndExitsZero()
    {
        var (exit, output) = await CliRunner.RunAsync("edge", "count", "--help");

        exit.Should().Be(0, output);
        output.Should().Contain("--stride");
    }
}
