using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Surgewatch.Cli.Common;
using Surgewatch.Ingestion;
using Surgewatch.Ingestion.Sources;
using Surgewatch.Core.Series;

namespace Surgewatch.Cli.Ingest;

/// <summary><c>surgewatch ingest</c>: loads data folders and files into the embedded store.</summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Data folders (counts.csv[.gz] or readings.csv[.gz], optional sensors.csv and edges.csv, the road graph) or files (long/wide CSV, NDJSON; plain or .gz).",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = StoreOption.Create();
        var readerOptions = new ReaderOptionsBinding();
        var command = new Command("ingest", "Load readings into the store. Each file is checked whole first: a file with any bad row is refused with every error listed, and nothing from it is stored. Re-ingesting the same file changes nothing.")
        {
            paths, db,
        };
        readerOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandRunner.RunAsync(context, () =>
            RunAsync(context, result.GetValue(paths) ?? [], result.GetValue(db)!, readerOptions.Read(result), cancellation)));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string[] paths, string db, ReaderOptions options, CancellationToken cancellation)
    {
        foreach (var path in paths)
        {
            CliParsing.RequireFileOrFolder(path, string.Empty);
        }

        // The first file is read while the store opens (loading its driver, connecting, checking its schema), and each
        // next file while the one before is written: reading wants the CPU, opening and writing mostly wait on the store.
        // A store that cannot be opened is still the error reported, whatever the file holds.
        var current = PendingRead.Start(context, paths[0], options, cancellation);
        using var store = OpenWhileReading(db, current);
        var summary = new Table().Border(TableBorder.Rounded).Title($"Ingested into {Markup.Escape(store.DataSource)}")
            .AddColumn("source").AddColumn(new TableColumn("sensors").RightAligned()).AddColumn(new TableColumn("readings").RightAligned())
            .AddColumn(new TableColumn("written").RightAligned()).AddColumn(new TableColumn("edges").RightAligned()).AddColumn("step").AddColumn(new TableColumn("period").NoWrap()).AddColumn(new TableColumn("per s").RightAligned());
        for (var i = 0; i < paths.Length; i++)
        {
            var path = paths[i];
            var next = i + 1 < paths.Length ? PendingRead.Start(context, paths[i + 1], options, cancellation) : null;
            IngestOutcome outcome;
            try
            {
                outcome = await IngestOneAsync(context, store, path, current, cancellation);
            }
            catch
            {
                next?.Forget();
                throw;
            }

            current = next ?? current;

            summary.AddRow(
                Markup.Escape(Path.GetFileName(Path.TrimEndingDirectorySeparator(path))), N(outcome.Sensors), N(outcome.Received), N(outcome.Written),
                outcome.Edges is { } edges ? N(edges) : "–", outcome.Step.ToString(), $"{outcome.First} – {outcome.Last}", N((long)(outcome.Received / Math.Max(outcome.Seconds, 1e-6))));
        }

        context.Console.Write(summary);
        context.Console.MarkupLineInterpolated($"The store now holds [bold]{await store.Observations.CountObservationsAsync(cancellation):N0}[/] readings.");
        return 0;
    }

    // The folder is read and checked whole (its graph names only its own sensors) before anything is written; the
    // sensors are stored first, so that the readings and the graph find them.
    private static async Task<IngestOutcome> IngestOneAsync(CliContext context, OpenedStore opened, string path, PendingRead read, CancellationToken cancellation)
    {
        IngestOutcome? outcome = null;
        await context.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var reading = progress.AddTask($"Reading {Markup.Escape(path)}", maxValue: 1);
                var data = await read.Data;
                reading.Value = 1;

                var store = opened.Observations;
                var batch = data.Observations;
                var writing = progress.AddTask("Writing to the store", maxValue: Math.Max(batch.Count, 1));
                await store.UpsertSensorsAsync(data.Sensors, cancellation);
                var result = await Task.Run(() => store.UpsertObservationsAsync(batch, new Progress<long>(rows => writing.Value = rows), cancellation), cancellation);
                if (data.Edges is { } edges)
                {
                    await opened.RoadGraph.UpsertEdgesAsync(edges, cancellation);
                }

                writing.Value = writing.MaxValue;
                var (first, last) = Range(batch.TimeSeconds);
                outcome = new IngestOutcome(
                    data.Sensors.Count, result.Received, result.Written, data.Edges?.Count, data.Step, first, last, context.Time.GetElapsedTime(read.Started).TotalSeconds);
            });
        return outcome!;
    }

    private static OpenedStore OpenWhileReading(string db, PendingRead reading)
    {
        try
        {
            return StoreOption.Open(db);
        }
        catch
        {
            reading.Forget();
            throw;
        }
    }

    private static (string First, string Last) Range(ReadOnlySpan<long> times)
    {
        if (times.IsEmpty)
        {
            return ("–", "–");
        }

        long min = long.MaxValue, max = long.MinValue;
        foreach (var t in times)
        {
            min = Math.Min(min, t);
            max = Math.Max(max, t);
        }

        return (new Core.Calendar.TimeLabel(min).ToString()[..16], new Core.Calendar.TimeLabel(max).ToString()[..16]);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A file being read on the thread pool, and when its reading started (the file's time counts from there).</summary>
    private sealed record PendingRead(Task<DataSet> Data, long Started)
    {
        public static PendingRead Start(CliContext context, string path, ReaderOptions options, CancellationToken cancellation) =>
            new(Task.Run(() => DataSet.Load(path, options), cancellation), context.Time.GetTimestamp());

        // A read whose result is no longer wanted (the store failed, or an earlier file did): its own error, if any, is
        // not the one to report, so it is observed here rather than left unobserved.
        public void Forget() =>
            Data.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private sealed record IngestOutcome(int Sensors, long Received, long Written, int? Edges, TimeSpan Step, string First, string Last, double Seconds);
}
