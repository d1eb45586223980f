using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Text;

namespace Surgewatch.Ingestion.Steps;

/// <summary>
/// Infers a batch's step from its labels: the smallest positive gap between consecutive labels of one sensor.
/// The step must divide a day, and every other gap must be a whole number of steps; otherwise the result says
/// which sensor and labels disagree.
/// </summary>
public static class StepInference
{
    /// <summary>Infers the step of <paramref name="batch"/>.</summary>
    public static InferredStep Infer(ObservationBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var groups = SensorGroups.Of(batch.SensorIndexes, batch.Sensors.Count);
        var sorted = SortedLabels(batch, groups);
        var step = SmallestGap(sorted, out var where);
        if (step == 0)
        {
            return new InferredStep(null, null);
        }

        if (TimeLabel.SecondsPerDay % step != 0)
        {
            return new InferredStep(null,
                $"the smallest gap between readings, {Describe(step)} ({where}), does not divide a day, so the labels fit no regular step");
        }

        return FirstMisfit(sorted, step) is { } misfit
            ? new InferredStep(null, $"readings are {Describe(step)} apart ({where}) but {misfit}, which is not a whole number of steps; the labels fit no single step")
            : new InferredStep(TimeSpan.FromSeconds(step), null);
    }

    /// <summary>
    /// The step to give the sensors of <paramref name="batch"/>: <paramref name="configured"/> when given (the labels
    /// must then be whole steps apart), else the inferred one, else hourly. Labels that fit no step, or not the
    /// configured one, reject the input named <paramref name="source"/> with <see cref="InputRejectedException"/>.
    /// </summary>
    public static TimeSpan Resolve(ObservationBatch batch, TimeSpan? configured, string source)
    {
        var inferred = Infer(batch);
        if (inferred.Problem is { } problem)
        {
            throw new InputRejectedException(new InputError(source, null, "timestamp", problem));
        }

        if (configured is { } step && inferred.Step is { } seen && seen.Ticks % step.Ticks != 0)
        {
            throw new InputRejectedException(new InputError(source, null, "timestamp",
                $"readings are {Describe((long)seen.TotalSeconds)} apart, which is not a whole number of the configured {Describe((long)step.TotalSeconds)} step"));
        }

        return configured ?? inferred.Step ?? Sensor.Hourly;
    }

    /// <summary>A step as a person would say it: <c>1 h</c>, <c>5 min</c>, <c>30 s</c>.</summary>
    public static string Describe(long seconds) =>
        seconds % 3600 == 0 ? $"{seconds / 3600} h" : seconds % 60 == 0 ? $"{seconds / 60} min" : $"{seconds} s";

    private static (SensorId Sensor, long[] Labels)[] SortedLabels(ObservationBatch batch, SensorGroups groups)
    {
        var result = new (SensorId, long[])[groups.SensorCount];
        var times = batch.TimeSeconds;
        for (var s = 0; s < result.Length; s++)
        {
            var rows = groups.RowsOf(s);
            var labels = new long[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                labels[i] = times[rows[i]];
            }

            // Inputs are usually in time order already; checking is far cheaper than sorting.
            if (!IsAscending(labels))
            {
                Array.Sort(labels);
            }

            result[s] = (batch.Sensors[s], labels);
        }

        return result;
    }

    private static bool IsAscending(ReadOnlySpan<long> labels)
    {
        for (var i = 1; i < labels.Length; i++)
        {
            if (labels[i] < labels[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    private static long SmallestGap((SensorId Sensor, long[] Labels)[] sorted, out string where)
    {
        long smallest = 0;
        where = string.Empty;
        foreach (var (sensor, labels) in sorted)
        {
            for (var i = 1; i < labels.Length; i++)
            {
                var gap = labels[i] - labels[i - 1];
                if (gap > 0 && (smallest == 0 || gap < smallest))
                {
                    smallest = gap;
                    where = Between(sensor, labels[i - 1], labels[i]);
                }
            }
        }

        return smallest;
    }

    private static string? FirstMisfit((SensorId Sensor, long[] Labels)[] sorted, long step)
    {
        foreach (var (sensor, labels) in sorted)
        {
            for (var i = 1; i < labels.Length; i++)
            {
                var gap = labels[i] - labels[i - 1];
                if (gap % step != 0)
                {
                    return $"{Describe(gap)} apart for {Between(sensor, labels[i - 1], labels[i])}";
                }
            }
        }

        return null;
    }

    private static string Between(SensorId sensor, long from, long to) =>
        $"sensor '{sensor}' from {new TimeLabel(from)} to {new TimeLabel(to)}";
}
