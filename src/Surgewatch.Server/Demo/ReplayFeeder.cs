using Microsoft.Extensions.Options;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Sources;
using Surgewatch.Server.Clock;
using Surgewatch.Server.Hosting;
using Surgewatch.Server.Readings;

namespace Surgewatch.Server.Demo;

/// <summary>
/// Replay mode: loads a data folder, stores its sensors, its road graph (edges.csv) and its first <see cref="ServerOptions.HistoryDays"/> days as
/// history (so models can be trained and the surge thresholds set), moves the clock to the end of that history and then
/// plays the remaining readings through the ingest path as simulated time passes them. A reading is released when its
/// interval has ended on its own sensor's step (the 15:00 hourly count at 16:00; <see cref="ReleaseSchedule"/>), as a
/// counter sends it: never before, which would let the live forecasts see the future. The clock runs in the site zone
/// (<see cref="ServerOptions.SiteZone"/>), in which the folder's labels are read.
/// </summary>
internal sealed class ReplayFeeder(
    IObservationStore store, IRoadGraphStore roads, IngestPipeline pipeline, ServerClock clock, ClockDtos clocks, IOptions<ServerOptions> options, Deployment.HistoryGate history, ILogger<ReplayFeeder> logger)
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
        ReleaseSchedule schedule;
        int next;
        try
        {
            (observations, schedule, next) = await StoreHistoryAsync(folder, stoppingToken);
        }
        finally
        {
            history.Done();
        }

        while (next < schedule.Count)
        {
            await Task.Delay(Poll, stoppingToken);
            next = await PlayAsync(observations, schedule, next, clocks.NowLabel(), stoppingToken);
        }
    }

    /// <summary>Stores the sensors, the graph and the history, and moves the clock to its end; returns where the replay goes on.</summary>
    private async Task<(ObservationBatch Observations, ReleaseSchedule Schedule, int Next)> StoreHistoryAsync(string folder, CancellationToken stoppingToken)
    {
        var data = await Task.Run(() => DataSet.Load(folder, options.Value.ReaderOptions() with { Kind = options.Value.ReplayKind }), stoppingToken);
        var steps = data.Sensors.ToDictionary(s => s.Id, s => s.Step);
        var schedule = ReleaseSchedule.Of(data.Observations, id => steps.GetValueOrDefault(id, data.Step));
        if (schedule.Count == 0)
        {
            logger.LogWarning("The replay folder {Folder} holds no readings", folder);
            return (data.Observations, schedule, 0);
        }

        WarnOfAnotherZone(folder);
        await store.UpsertSensorsAsync(data.Sensors, stoppingToken);
        if (data.Edges is { } edges)
        {
            await roads.UpsertEdgesAsync(edges, stoppingToken);
        }

        var historyEnd = FirstLabel(data.Observations) + TimeSpan.FromDays(options.Value.HistoryDays);
        var resume = await ResumeAsync(data.Sensors, steps, data.Step, historyEnd, stoppingToken);
        var start = resume ?? historyEnd;
        var next = await PlayAsync(data.Observations, schedule, 0, start, stoppingToken);
        clock.MoveTo(SiteTimes.Instant(start, clocks.SiteZone));
        if (resume is not null)
        {
            logger.LogInformation(
                "Resuming the replay at {Start} ({Zone}), where the store's replayed readings end; {Count} readings of {Sensors} sensors to go",
                start, clocks.SiteZone.Id, schedule.Count - next, data.Sensors.Count);
        }
        else
        {
            logger.LogInformation(
                "Replaying {Count} readings of {Sensors} sensors from {Start} ({Zone}); {History} readings stored as history",
                schedule.Count - next, data.Sensors.Count, start, clocks.SiteZone.Id, next);
        }

        return (data.Observations, schedule, next);
    }

    /// <summary>
    /// Where a replay restarted on the same store goes on: the latest release time of the folder's readings the store
    /// already holds after the history (a reading is released at the end of its interval), or null when the store holds
    /// none after the history (a first start). Resuming there keeps the clock ahead of the alerts and readings a stopped
    /// replay left, instead of moving it back to the end of the history.
    /// </summary>
    private async Task<TimeLabel?> ResumeAsync(IReadOnlyList<Sensor> sensors, Dictionary<SensorId, TimeSpan> steps, TimeSpan step, TimeLabel historyEnd, CancellationToken cancellationToken)
    {
        var stored = await store.ReadObservationsAsync(new ObservationQuery([.. sensors.Select(s => s.Id)], historyEnd), cancellationToken);
        var latest = (TimeLabel?)null;
        var times = stored.TimeSeconds;
        var indexes = stored.SensorIndexes;
        for (var row = 0; row < times.Length; row++)
        {
            var released = ReleaseSchedule.ReleasedAt(new TimeLabel(times[row]), steps.GetValueOrDefault(stored.Sensors[indexes[row]], step));
            latest = latest is { } l && l >= released ? l : released;
        }

        return latest is { } at && at > historyEnd ? at : null;
    }

    /// <summary>Ingests the readings from position <paramref name="next"/> of the schedule that are released by <paramref name="now"/>.</summary>
    private async Task<int> PlayAsync(ObservationBatch all, ReleaseSchedule schedule, int next, TimeLabel now, CancellationToken cancellationToken)
    {
        var end = schedule.DueUntil(next, now);
        while (next < end)
        {
            var batch = Take(all, schedule.Order, ref next, Math.Min(end, next + MaxPerBatch));
            await pipeline.IngestAsync(batch, cancellationToken, "replay");
        }

        return next;
    }

    /// <summary>The folder's labels are its sites' local time: a README that names another zone than the site's is worth a warning.</summary>
    private void WarnOfAnotherZone(string folder)
    {
        if (DataReadme.Read(folder) is { } readme && DataReadme.NamedTimeZone(readme) is { } named
            && !TimeZoneInfo.FindSystemTimeZoneById(named).HasSameRules(clocks.SiteZone))
        {
            logger.LogWarning(
                "The replay runs in {Site}, but the README of {Folder} names {Named}: its labels are probably that zone's local time; give --site-zone {Zone} (setting Surgewatch__SiteZone)",
                clocks.SiteZone.Id, folder, named, named);
        }
    }

    private static TimeLabel FirstLabel(ObservationBatch batch)
    {
        var first = long.MaxValue;
        foreach (var seconds in batch.TimeSeconds)
        {
            first = Math.Min(first, seconds);
        }

        return new TimeLabel(first);
    }

    private static ObservationBatch Take(ObservationBatch all, ReadOnlySpan<int> order, ref int next, int end)
    {
        var values = all.Values;
        var sensors = all.SensorIndexes;
        var times = all.TimeSeconds;
        var batch = new ObservationBatch(end - next);
        for (; next < end; next++)
        {
            var row = order[next];
            batch.Add(batch.InternSensor(all.Sensors[sensors[row]]), new TimeLabel(times[row]), values[row]);
        }

        return batch;
    }
}
