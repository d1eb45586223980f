using Surgewatch.Core.Calendar;

namespace Surgewatch.Core.Series;

/// <summary>How the readings of a fine step become one value of a coarser forecast slot.</summary>
public enum SlotAggregation
{
    /// <summary>Counts per interval (people crossing a line): the slot's total.</summary>
    Sum,

    /// <summary>Levels (people present, devices in a cell, speeds): the slot's mean.</summary>
    Mean,
}

/// <summary>
/// The grid counters are forecast and warned on. Counters that report more often than every
/// <see cref="MinimumStep"/> (edge counters and occupancy feeds report every minute) are forecast on
/// <see cref="FineCounterStep"/> slots: a model on minute slots would forecast a day as 1,440 recursive steps per
/// series for no better warning. A count slot is the total of its readings, a level slot their mean.
/// </summary>
public static class ForecastGrid
{
    /// <summary>The finest step forecast as it is reported.</summary>
    public static readonly TimeSpan MinimumStep = TimeSpan.FromMinutes(5);

    /// <summary>The step that counters reporting more often than <see cref="MinimumStep"/> are forecast on.</summary>
    public static readonly TimeSpan FineCounterStep = TimeSpan.FromMinutes(15);

    /// <summary>The forecast step of sensors reporting every <paramref name="sensorStep"/>.</summary>
    public static TimeSpan StepFor(TimeSpan sensorStep) => sensorStep < MinimumStep ? FineCounterStep : sensorStep;

    /// <summary>How readings of <paramref name="kind"/> are combined into a coarser slot.</summary>
    public static SlotAggregation AggregationOf(SensorKind kind) => kind switch
    {
        SensorKind.PedestrianCount or SensorKind.RoadFlow => SlotAggregation.Sum,
        _ => SlotAggregation.Mean,
    };

    /// <summary>
    /// Lays <paramref name="batch"/> (readings every <paramref name="sensorStep"/>) onto a grid of <paramref name="step"/>
    /// starting at <paramref name="start"/> (null: the first slot holding a reading), with <paramref name="length"/> slots
    /// (null: up to the last reading). With <paramref name="step"/> equal to <paramref name="sensorStep"/> this is
    /// <see cref="SeriesPanel.FromBatch"/>. Otherwise a slot holds the mean of its readings, and for
    /// <see cref="SlotAggregation.Sum"/> that mean times the readings a full slot has: a slot missing some readings is
    /// scaled up rather than read as a drop, and one with fewer than half of them is missing.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="step"/> is not a whole multiple of <paramref name="sensorStep"/>.</exception>
    public static SeriesPanel Aggregate(
        ObservationBatch batch, TimeSpan sensorStep, TimeSpan step, Func<SensorId, SlotAggregation> aggregation, TimeLabel? start = null, int? length = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(aggregation);
        var stepSeconds = SlotCalendar.StepSeconds(step);
        var fineSeconds = SlotCalendar.StepSeconds(sensorStep);
        if (stepSeconds % fineSeconds != 0)
        {
            throw new ArgumentException($"The forecast step {step} is not a whole multiple of the sensors' step {sensorStep}.", nameof(step));
        }

        if (stepSeconds == fineSeconds && start is null && length is null)
        {
            return SeriesPanel.FromBatch(batch, step);
        }

        var times = batch.TimeSeconds;
        if (times.Length == 0 && (start is null || length is null))
        {
            return new SeriesPanel(start ?? default, step, [], []);
        }

        long min = long.MaxValue, max = long.MinValue;
        foreach (var t in times)
        {
            min = Math.Min(min, t);
            max = Math.Max(max, t);
        }

        var first = start?.Seconds ?? Floor(min, stepSeconds);
        if (first % stepSeconds != 0)
        {
            throw new ArgumentException($"Label {new TimeLabel(first)} is not on the {step} grid.", nameof(start));
        }

        var slots = length ?? checked((int)(((Floor(max, stepSeconds) - first) / stepSeconds) + 1));
        var sensors = batch.Sensors;
        var sums = new double[sensors.Count][];
        var counts = new int[sensors.Count][];
        for (var s = 0; s < sums.Length; s++)
        {
            sums[s] = new double[Math.Max(slots, 0)];
            counts[s] = new int[Math.Max(slots, 0)];
        }

        var sensorOf = batch.SensorIndexes;
        var values = batch.Values;
        for (var row = 0; row < times.Length; row++)
        {
            var slot = Floor(times[row] - first, stepSeconds) / stepSeconds;
            if (slot >= 0 && slot < slots && !Missing.Is(values[row]))
            {
                sums[sensorOf[row]][slot] += values[row];
                counts[sensorOf[row]][slot]++;
            }
        }

        var perSlot = (int)(stepSeconds / fineSeconds);
        for (var s = 0; s < sums.Length; s++)
        {
            var total = aggregation(sensors[s]) == SlotAggregation.Sum;
            for (var i = 0; i < sums[s].Length; i++)
            {
                var n = counts[s][i];
                sums[s][i] = n == 0 || (total && 2 * n < perSlot) ? Missing.Value : total ? sums[s][i] / n * perSlot : sums[s][i] / n;
            }
        }

        return new SeriesPanel(new TimeLabel(first), step, sensors, sums);
    }

    private static long Floor(long seconds, long step) => (long)Math.Floor(seconds / (double)step) * step;
}
