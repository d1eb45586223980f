using Surgewatch.Core.Calendar;

namespace Surgewatch.Core.Series;

/// <summary>
/// When recorded readings become known, for a replay that must not look ahead. A reading is labelled with the start of
/// its interval (the 15:00 hourly count covers 15:00–16:00), and a counter sends it when the interval has ended: it is
/// released at its label plus its sensor's own step, never before. The schedule orders a batch's rows by that release
/// time (rows released together keep their label order).
/// </summary>
public sealed class ReleaseSchedule
{
    private readonly int[] _order;
    private readonly long[] _release;

    private ReleaseSchedule(int[] order, long[] release)
    {
        _order = order;
        _release = release;
    }

    /// <summary>The rows of the batch, in release order.</summary>
    public ReadOnlySpan<int> Order => _order;

    /// <summary>How many rows the schedule holds.</summary>
    public int Count => _order.Length;

    /// <summary>The label at which <paramref name="label"/>'s reading of a sensor with <paramref name="step"/> is released: the end of its interval.</summary>
    public static TimeLabel ReleasedAt(TimeLabel label, TimeSpan step) => label + step;

    /// <summary>
    /// The schedule of <paramref name="batch"/>, whose sensor at index <c>i</c> of <see cref="ObservationBatch.Sensors"/>
    /// has the step <paramref name="stepOf"/> gives for it.
    /// </summary>
    public static ReleaseSchedule Of(ObservationBatch batch, Func<SensorId, TimeSpan> stepOf)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(stepOf);
        var steps = new long[batch.Sensors.Count];
        for (var i = 0; i < steps.Length; i++)
        {
            var step = stepOf(batch.Sensors[i]);
            if (step <= TimeSpan.Zero)
            {
                throw new ArgumentException($"Sensor '{batch.Sensors[i]}' has the step {step}; a step must be positive.", nameof(stepOf));
            }

            steps[i] = (long)step.TotalSeconds;
        }

        var times = batch.TimeSeconds;
        var sensors = batch.SensorIndexes;
        var release = new long[times.Length];
        var keys = new long[times.Length];
        var order = new int[times.Length];
        for (var row = 0; row < order.Length; row++)
        {
            release[row] = times[row] + steps[sensors[row]];
            keys[row] = release[row];
            order[row] = row;
        }

        // Sort by release time, then by label within one release time, so a stable replay order does not depend on the
        // file's row order.
        Array.Sort(keys, order);
        SortRunsByLabel(keys, order, times);
        return new ReleaseSchedule(order, release);
    }

    /// <summary>
    /// The end of the rows released at or before <paramref name="now"/>, starting at position <paramref name="next"/>
    /// of <see cref="Order"/>: the rows <c>Order[next..end]</c> are due.
    /// </summary>
    public int DueUntil(int next, TimeLabel now)
    {
        var end = Math.Max(next, 0);
        while (end < _order.Length && _release[_order[end]] <= now.Seconds)
        {
            end++;
        }

        return end;
    }

    /// <summary>When the row at position <paramref name="position"/> of <see cref="Order"/> is released.</summary>
    public TimeLabel ReleaseOf(int position) => new(_release[_order[position]]);

    private static void SortRunsByLabel(long[] keys, int[] order, ReadOnlySpan<long> times)
    {
        var labels = new long[order.Length];
        var start = 0;
        while (start < order.Length)
        {
            var end = start + 1;
            while (end < order.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                for (var i = start; i < end; i++)
                {
                    labels[i] = times[order[i]];
                }

                Array.Sort(labels, order, start, end - start);
            }

            start = end;
        }
    }
}
