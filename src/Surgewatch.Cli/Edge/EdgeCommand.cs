using System.CommandLine;
using Spectre.Console;
using Surgewatch.Cli.Common;
using Surgewatch.Edge.Calibration;
using Surgewatch.Edge.Sources;

namespace Surgewatch.Cli.Edge;

/// <summary>
/// <c>surgewatch edge</c>: turn a camera into an anonymous sensor. Frames live only in this process's memory; only counts
/// leave it (docs/privacy.md, "Edge counter").
/// </summary>
internal static class EdgeCommand
{
    public static Command Create(CliContext context) => new("edge", "Count people from a camera; frames never leave this process, only counts do (docs/edge.md).")
    {
        EdgeCountCommand.Create(context),
        EdgeEvaluateCommand.Create(context),
        Calibrate(context),
    };

    /// <summary>Opens <paramref name="location"/>, turning a source that cannot be used into a one-line error.</summary>
    public static VideoSource Open(string location)
    {
        try
        {
            return VideoSource.Open(location);
        }
        catch (VideoSourceException e)
        {
            throw new UserInputException(e.Message);
        }
    }

    private static Command Calibrate(CliContext context)
    {
        var options = new EdgeOptions();
        var at = new Option<double>("--at") { Description = "The time in the video, in seconds, of the frame to write.", DefaultValueFactory = _ => 0 };
        var output = new Option<FileInfo>("--out") { Description = "The PNG file to write.", Required = true };
        var command = new Command("calibrate", "For installation only: write ONE frame with the region and the line drawn, to set up a camera. The only command that writes an image.")
        {
            options.Source, options.Region, options.Line, at, output,
        };
        command.SetAction((result, _) => CommandRunner.RunAsync(context, () =>
        {
            var seconds = result.GetValue(at);
            if (!double.IsFinite(seconds) || seconds < 0)
            {
                throw new UserInputException($"--at {seconds}: give a time in seconds, 0 or more.");
            }

            var file = result.GetValue(output)!;
            if (!file.Extension.Equals(".png", StringComparison.OrdinalIgnoreCase))
            {
                throw new UserInputException($"--out '{file.Name}': the calibration frame is written as PNG; name it *.png.");
            }

            if (file.Directory is { Exists: false } folder)
            {
                throw new UserInputException($"--out '{file.FullName}': the folder {folder.FullName} does not exist.");
            }

            using var source = Open(result.GetValue(options.Source)!);
            var region = EdgeParsing.Region(result.GetValue(options.Region), source.Width, source.Height);
            var line = EdgeParsing.Line(result.GetValue(options.Line), source.Width, source.Height);
            try
            {
                CalibrationFrame.Write(source, seconds, region, line, file.FullName);
            }
            catch (VideoSourceException e)
            {
                throw new UserInputException(e.Message);
            }

            context.Console.WriteLine($"Wrote one {source.Width}x{source.Height} frame to {file.FullName}; delete it once the camera is set up.");
            return Task.FromResult(0);
        }));
        return command;
    }
}
