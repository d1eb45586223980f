using Microsoft.Extensions.Options;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Sources;
using Surgewatch.Server.Clock;
using Surgewatch.Server.Hosting;
using Surgewatch.Server.Readings;

namespace Surgewatch.Server.Demo;

/// <summary>
/// Replay mode: loads a data folder, stores its sensors and its first <see cref="ServerOptions.HistoryDays"/> days as
/// history (so models can be trained and the surge thresholds set), moves the clock to the end of that history and then
/// plays the remaining readings through the ingest path as simulated time passes them. A reading is released when its
/// interval has ended (the 15:00 hourly count at 16:00), as a counter sends it: never before, which would let the live
/// forecasts see the future.
/// </summary>
internal sealed class ReplayFeeder(
    IObservationStore store, IngestPipeline pipeline, ServerClock clock, ClockDtos clocks, IOptions<ServerOptions> options, Deployment.HistoryGate history, ILogger<ReplayFeeder> logger)
    : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private const int MaxPerBatch = 50_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (clock.Mode != ClockMode.Replay)
        {
            return;
        }

        if (options.Value.ReplayFolder is not { } folder)
        {
            history.Done();
            return;
        }

        ObservationBatch observations;
        int[] order;
        int next;
        TimeSpan step;
        try
        {
            (observations, order, next, step) = await StoreHistoryAsync(folder, stoppingToken);
        }
        finally
        {
            history.Done();
        }

        var times = observations.TimeSeconds.ToArray();
        while (next < order.Length)
        {
            await Task.Delay(Poll, stoppingToken);
            next = await PlayAsync(observations, order, times, next, clocks.NowLabel() - step, stoppingToken);
        }
    }

    /// <summary>Stores the sensors and the history, and moves the clock to its end; returns where the replay goes on.</summary>
    private async Task<(ObservationBatch Observations, int[] Order, int Next, TimeSpan Step)> StoreHistoryAsync(string folder, CancellationToken stoppingToken)
    {
        var data = await Task.Run(() => DataSet.Load(folder, options.Value.ReaderOptions()), stoppingToken);
        var order = TimeOrder(data.Observations);
        if (order.Length == 0)
        {
            logger.LogWarning("The replay folder {Folder} holds no readings", folder);
            return (data.Observations, order, 0, TimeSpan.Zero);
        }

        await store.UpsertSensorsAsync(data.Sensors, stoppingToken);
        var times = data.Observations.TimeSeconds.ToArray();
        var step = data.Sensors.Count > 0 ? data.Sensors.Min(s => s.Step) : TimeSpan.FromHours(1);
        var start = new TimeLabel(times[order[0]]) + TimeSpan.FromDays(options.Value.HistoryDays);
        var next = await PlayAsync(data.Observations, order, times, 0, start - step, stoppingToken);
        clock.MoveTo(new DateTimeOffset(start.ToDateTime(), clocks.SiteZone.GetUtcOffset(start.ToDateTime())));
        logger.LogInformation("Replaying {Count} readings of {Sensors} sensors from {Start}", order.Length - next, data.Sensors.Count, start);
        return (data.Observations, order, next, step);
    }

    /// <summary>Ingests the readings from position <paramref name="next"/> with labels at or before <paramref name="upTo"/>.</summary>
    private async Task<int> PlayAsync(ObservationBatch all, int[] order, long[] times, int next, TimeLabel upTo, CancellationToken cancellationToken)
    {
        while (next < order.Length && times[order[next]] <= upTo.Seconds)
        {
            var batch = Take(all, order, times, ref next, upTo);
            await pipeline.IngestAsync(batch, cancellationToken, "replay");
        }

        return next;
    }

    private static ObservationBatch Take(ObservationBatch all, int[] order, long[] times, ref int next, TimeLabel upTo)
    {
        var values = all.Values;
        var sensors = all.SensorIndexes;
        var batch = new ObservationBatch(Math.Min(MaxPerBatch, order.Length - next));
        for (; next < order.Length && times[order[next]] <= upTo.Seconds && batch.Count < MaxPerBatch; next++)
        {
            var row = order[next];
            batch.Add(batch.InternSensor(all.Sensors[sensors[row]]), new TimeLabel(times[row]), values[row]);
        }

        return batch;
    }

    private static int[] TimeOrder(ObservationBatch batch)
    {
        var keys = batch.TimeSeconds.ToArray();
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        return order;
    }
}
