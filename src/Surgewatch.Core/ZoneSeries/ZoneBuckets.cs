using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.ZoneSeries;

/// <summary>
/// A zone's readings on a regular grid: the persons present per bucket (<see cref="ZonePersons"/> of each source's
/// value over the bucket: the mean reading of occupancy and cell sources, the total count of line counters) and the
/// persons counted in per bucket by its line-in and line-total counters.
/// </summary>
/// <param name="From">The first bucket's label.</param>
/// <param name="Step">The bucket width.</param>
/// <param name="Persons">Persons present per bucket; <see cref="Missing"/> where no source reported.</param>
/// <param name="Entries">Persons counted entering per bucket (line-in and line-total counters × factor); <see cref="Missing"/> where none reported.</param>
public sealed record ZoneBuckets(TimeLabel From, TimeSpan Step, double[] Persons, double[] Entries)
{
    /// <summary>The label of bucket <paramref name="bucket"/>.</summary>
    public TimeLabel LabelOf(int bucket) => From + (Step * bucket);

    /// <summary>
    /// The first bucket's label and the number of buckets of <paramref name="step"/> that hold labels in
    /// [<paramref name="from"/>, <paramref name="to"/>): the grid starts at <paramref name="from"/> rounded down to a whole step.
    /// </summary>
    public static (TimeLabel First, int Count) Grid(TimeLabel from, TimeLabel to, TimeSpan step)
    {
        var stepSeconds = (long)step.TotalSeconds;
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSeconds, 1L, nameof(step));
        var first = new TimeLabel(FloorDiv(from.Seconds, stepSeconds) * stepSeconds);
        return (first, (int)Math.Max(0, (to.Seconds - first.Seconds + stepSeconds - 1) / stepSeconds));
    }

    /// <summary>Buckets <paramref name="readings"/> of <paramref name="zone"/>'s sources (others are ignored) on the grid <see cref="Grid"/> gives.</summary>
    public static ZoneBuckets Of(Zone zone, ObservationBatch readings, TimeLabel from, TimeLabel to, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(readings);
        var (first, count) = Grid(from, to, step);
        var sources = zone.Sources.Count;
        var sums = new double[count * sources];
        var seen = new int[count * sources];
        var sourceOf = SourcesBySensor(zone, readings);
        var stepSeconds = (long)step.TotalSeconds;
        for (var i = 0; i < readings.Count; i++)
        {
            var bucket = FloorDiv(readings.TimeSeconds[i] - first.Seconds, stepSeconds);
            var s = sourceOf[readings.SensorIndexes[i]];
            if (bucket < 0 || bucket >= count || s < 0 || Missing.Is(readings.Values[i]))
            {
                continue;
            }

            sums[(bucket * sources) + s] += readings.Values[i];
            seen[(bucket * sources) + s]++;
        }

        return Fill(zone, first, step, count, sums, seen);
    }

    private static ZoneBuckets Fill(Zone zone, TimeLabel first, TimeSpan step, int count, double[] sums, int[] seen)
    {
        var sources = zone.Sources.Count;
        var persons = new double[count];
        var entries = new double[count];
        var values = new double[sources];
        for (var b = 0; b < count; b++)
        {
            entries[b] = Missing.Value;
            for (var s = 0; s < sources; s++)
            {
                var source = zone.Sources[s];
                var at = (b * sources) + s;
                var counts = source.Role is ZoneSourceRole.LineIn or ZoneSourceRole.LineOut or ZoneSourceRole.LineTotal;
                values[s] = seen[at] == 0 ? Missing.Value : counts ? sums[at] : sums[at] / seen[at];
                if (seen[at] > 0 && source.Role is ZoneSourceRole.LineIn or ZoneSourceRole.LineTotal)
                {
                    entries[b] = (Missing.Is(entries[b]) ? 0 : entries[b]) + (sums[at] * source.Factor);
                }
            }

            persons[b] = ZonePersons.Of(zone, values, step);
        }

        return new ZoneBuckets(first, step, persons, entries);
    }

    private static int[] SourcesBySensor(Zone zone, ObservationBatch readings)
    {
        var sources = new int[readings.Sensors.Count];
        for (var i = 0; i < sources.Length; i++)
        {
            sources[i] = -1;
            for (var s = 0; s < zone.Sources.Count; s++)
            {
                if (zone.Sources[s].Sensor == readings.Sensors[i])
                {
                    sources[i] = s;
                }
            }
        }

        return sources;
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
