using System.CommandLine;
using Spectre.Console;
using System.Globalization;
using System.Text.Json;
using Surgewatch.Cli.Common;
using Surgewatch.Core.Edge;
using Surgewatch.Edge.Counting;

namespace Surgewatch.Cli.Edge;

/// <summary><c>surgewatch edge evaluate</c>: scores the counter's occupancy against hand-labelled frames.</summary>
internal static class EdgeEvaluateCommand
{
    public static Command Create(CliContext context)
    {
        var options = new EdgeOptions();
        var labels = new Option<FileInfo>("--labels") { Description = "CSV with header frame,people: 0-based frame index in decode order, people with at least half their body in the frame.", Required = true };
        var json = new Option<FileInfo?>("--json") { Description = "Also write {frames, mae, bias, maxAbsError, perFrame, fps} here." };
        var command = new Command("evaluate", "Score the counter against hand labels with the same code and defaults as `edge count` (region: the whole frame unless --region).") { labels, json };
        foreach (var option in options.Counting)
        {
            command.Add(option);
        }

        command.SetAction((result, cancellation) => CommandRunner.RunAsync(context, async () =>
        {
            var labelled = EdgeParsing.ReadLabels(result.GetValue(labels)!.FullName);
            using var source = EdgeCommand.Open(result.GetValue(options.Source)!);
            var settings = options.Read(result, source);
            using var counter = new EdgeCounter(settings, source.Width, source.Height);
            var counts = new List<FrameCount>(labelled.Count);
            var metrics = EdgeRun.Run(source, counter, settings, (frame, count) =>
            {
                if (frame <= int.MaxValue && labelled.TryGetValue((int)frame, out var actual))
                {
                    counts.Add(new FrameCount((int)frame, actual, count.Occupancy));
                }
            }, cancellation);

            if (counts.Count < labelled.Count)
            {
                throw new UserInputException($"--labels: {labelled.Count - counts.Count} labelled frames were not counted (beyond the video's {metrics.FramesRead} frames, or skipped by --stride).");
            }

            var score = CountEvaluation.Of(counts);
            context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"frames {score.Frames}  MAE {score.Mae:0.00}  bias {score.Bias:+0.00;-0.00}  max |error| {score.MaxAbsError:0.#}  {metrics.FramesPerSecond:0.0} frames/s  detection {metrics.MeanDetectionMilliseconds:0.0} ms/frame"));
            if (result.GetValue(json) is { } file)
            {
                await File.WriteAllBytesAsync(file.FullName, Json(score, counts, metrics), cancellation);
            }

            return 0;
        }));
        return command;
    }

    private static byte[] Json(CountEvaluation score, List<FrameCount> counts, EdgeRunMetrics metrics)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("frames", score.Frames);
            w.WriteNumber("mae", Math.Round(score.Mae, 3));
            w.WriteNumber("bias", Math.Round(score.Bias, 3));
            w.WriteNumber("maxAbsError", score.MaxAbsError);
            w.WriteStartArray("perFrame");
            foreach (var c in counts)
            {
                w.WriteStartObject();
                w.WriteNumber("frame", c.Frame);
                w.WriteNumber("actual", c.Actual);
                w.WriteNumber("predicted", c.Predicted);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("fps", Math.Round(metrics.FramesPerSecond, 1));
            w.WriteNumber("meanDetectionMs", Math.Round(metrics.MeanDetectionMilliseconds, 2));
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
