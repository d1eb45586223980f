using System.CommandLine;
using Spectre.Console;
using System.Globalization;
using Surgewatch.Cli.Common;
using Surgewatch.Core.Edge;
using Surgewatch.Edge.Counting;
using Surgewatch.Edge.Output;
using Surgewatch.Edge.Sources;

namespace Surgewatch.Cli.Edge;

/// <summary><c>surgewatch edge count</c>: occupancy and line crossings per interval, posted or written as readings.</summary>
internal static class EdgeCountCommand
{
    public static Command Create(CliContext context)
    {
        var options = new EdgeOptions();
        var sensor = new Option<string>("--sensor") { Description = "The camera's sensor id: ID is its occupancy, ID-in and ID-out its line crossings.", Required = true };
        var every = new Option<string>("--every") { Description = "The interval counts are reported for: 30s, 1min, 5min, …", DefaultValueFactory = _ => "1min" };
        var post = new Option<string?>("--post") { Description = "A Surgewatch server's URL; readings are posted to its /api/v1/readings." };
        var key = new Option<string?>("--key") { Description = "An ingest API key for --post." };
        var buffer = new Option<FileInfo?>("--buffer") { Description = "With --post: the file counts wait in until the server has them (counts only); ID.pending.ndjson when not given." };
        var drain = new Option<string>("--drain") { Description = "With --post, at the end of the run: how long to wait for the buffer to empty (0s not to wait); what is left is sent by the next run.", DefaultValueFactory = _ => "30s" };
        var output = new Option<FileInfo?>("--out") { Description = "Write the readings as NDJSON here instead of posting them." };
        var start = new Option<DateTimeOffset?>("--start") { Description = "For a file: the time of its first frame (ISO-8601 with offset); default now. A live source uses the clock." };
        var command = new Command("count", "Count people in a region and across a line, per interval; only counts leave the process.") { sensor, every, post, key, buffer, drain, output, start };
        foreach (var option in options.Counting)
        {
            command.Add(option);
        }

        command.SetAction((result, cancellation) => CommandRunner.RunAsync(context, async () =>
        {
            var id = result.GetValue(sensor)!;
            var interval = EdgeParsing.ParseEvery(result.GetValue(every)!);
            var wait = EdgeParsing.ParseDrain(result.GetValue(drain)!);
            var server = ServerUrl(result.GetValue(post));
            RequireOneDestination(server, result.GetValue(key), result.GetValue(output));
            var pending = server is null ? null : OpenBuffer(result.GetValue(buffer)?.FullName ?? id + ".pending.ndjson");
            using var source = EdgeCommand.Open(result.GetValue(options.Source)!);
            var settings = options.Read(result, source);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            await using var sink = server is not null
                ? new ServerSink(http, server, result.GetValue(key)!, pending!, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), context.Time)
                : (IReadingSink)new NdjsonFileSink(result.GetValue(output)!.FullName);
            var first = result.GetValue(start) ?? context.Time.GetUtcNow();
            var run = new CountRun(context, id, settings, source, sink, interval, first);
            run.Run(cancellation);
            await sink.DrainAsync(wait, CancellationToken.None);
            return run.Summary(sink.Pending, result.GetValue(buffer)?.FullName ?? id + ".pending.ndjson");
        }));
        return command;
    }

    private static ReadingBuffer OpenBuffer(string path)
    {
        try
        {
            return ReadingBuffer.Open(path);
        }
        catch (ReadingBufferException e)
        {
            throw new UserInputException(e.Message);
        }
    }

    private static Uri? ServerUrl(string? text) =>
        text is null ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url
        : throw new UserInputException($"--post '{text}': give the server's http:// or https:// URL.");

    private static void RequireOneDestination(Uri? post, string? key, FileInfo? output)
    {
        if ((post is null) == (output is null))
        {
            throw new UserInputException("edge count: give either --out FILE.ndjson or --post URL --key KEY.");
        }

        if (post is not null && string.IsNullOrWhiteSpace(key))
        {
            throw new UserInputException("--post: give the server's ingest key with --key.");
        }
    }

    /// <summary>One run of the counter: frames in, intervals closed, readings handed to the sink, figures kept.</summary>
    private sealed class CountRun(CliContext context, string sensor, EdgeCounterOptions settings, VideoSource source, IReadingSink sink, TimeSpan every, DateTimeOffset first)
    {
        private readonly IntervalAggregator _intervals = new(every, source.FramesPerSecond / settings.Stride, settings.Line is not null);
        private EdgeRunMetrics? _metrics;
        private long _started;
        private long _counted;
        private int _reported;
        private int _missing;
        private bool _refusalTold;

        /// <summary>Counts to the end of the source; each closed interval only goes to the sink's disk buffer, never waits on a server.</summary>
        public void Run(CancellationToken cancellation)
        {
            using var counter = new EdgeCounter(settings, source.Width, source.Height);
            _started = context.Time.GetTimestamp();
            _metrics = EdgeRun.Run(source, counter, settings, (frame, count) =>
            {
                _counted++;
                foreach (var closed in _intervals.Add(TimeOf(frame), count.Occupancy, count.Crossings))
                {
                    Deliver(closed);
                }
            }, cancellation);
            if (_intervals.Flush() is { } last)
            {
                Deliver(last);
            }
        }

        /// <summary>Prints the run's figures; exit code 2 when the server refused the readings.</summary>
        public int Summary(int unsent, string bufferPath)
        {
            var m = _metrics!;
            var kept = unsent > 0 && sink is ServerSink ? $" (kept in {bufferPath}; the next run with this --buffer sends them first)" : string.Empty;
            context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{sensor}: {m.FramesCounted} frames counted at {m.FramesPerSecond:0.0} frames/s (detection {m.MeanDetectionMilliseconds:0.0} ms/frame), {m.FramesLost} frames lost, {_reported} intervals reported, {_missing} missing, {unsent} readings waiting to be sent{kept}."));
            return TellServerAnswers() ? CommandRunner.InputError : 0;
        }

        private DateTimeOffset TimeOf(long frame) =>
            source.IsLive ? context.Time.GetUtcNow() : first + TimeSpan.FromSeconds(frame / source.FramesPerSecond);

        private void Deliver(EdgeInterval interval)
        {
            if (interval.IsMissing)
            {
                _missing++;
                context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{sensor}: interval {interval.Start:yyyy-MM-ddTHH:mm:ssK} missing ({interval.FramesProcessed} of {interval.FramesExpected} frames counted); no reading sent."));
            }
            else
            {
                _reported++;
                sink.WriteAsync([.. EdgeReading.Of(interval, sensor)], CancellationToken.None).GetAwaiter().GetResult();
            }

            var elapsed = context.Time.GetElapsedTime(_started).TotalSeconds;
            context.Errors.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{sensor} {interval.Start:HH:mm:ss}: {(elapsed > 0 ? _counted / elapsed : 0):0.0} frames/s, {source.FramesLost} frames lost, {_missing} missing, {sink.Pending} waiting to be sent"));
            TellServerAnswers();
        }

        /// <summary>
        /// Prints, on standard error, each reading the server refused as malformed (set aside), and once that it refused the
        /// readings as a whole (a wrong key, say); true when it did that.
        /// </summary>
        private bool TellServerAnswers()
        {
            while (sink is ServerSink server && server.TryTakeNotice(out var notice))
            {
                context.Errors.WriteLine(notice);
            }

            if (sink is not ServerSink { Refusal: { } refusal })
            {
                return false;
            }

            if (!_refusalTold)
            {
                _refusalTold = true;
                context.Errors.WriteLine($"error: {refusal}");
            }

            return true;
        }
    }
}
