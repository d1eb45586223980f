using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Occupancy;

/// <summary>Reads a zone's sources out of the recent readings: freshness, latest values and windowed sums.</summary>
internal sealed class SourceScan
{
    private static readonly IReadOnlyList<SensorReading> NoReadings = [];
    private readonly IReadOnlyDictionary<SensorId, IReadOnlyList<SensorReading>> _readings;
    private readonly DateTimeOffset _now;
    private readonly Func<SensorId, TimeSpan?>? _stepOf;

    public SourceScan(Zone zone, IReadOnlyDictionary<SensorId, IReadOnlyList<SensorReading>> readings, DateTimeOffset now, FusionOptions options, Func<SensorId, TimeSpan?>? stepOf)
    {
        _readings = readings;
        _now = now;
        _stepOf = stepOf;
        var freshness = new SourceFreshness[zone.Sources.Count];
        for (var i = 0; i < freshness.Length; i++)
        {
            var source = zone.Sources[i];
            var last = LastValid(ReadingsOf(source.Sensor), now);
            var stale = last is not { } reading || now - reading.At > options.StaleWindow(stepOf?.Invoke(source.Sensor));
            freshness[i] = new SourceFreshness(source.Sensor, source.Role, last?.At, stale);
        }

        Sources = zone.Sources;
        Freshness = freshness;
    }

    public IReadOnlyList<ZoneSource> Sources { get; }

    public SourceFreshness[] Freshness { get; }

    public bool AnyFresh => Count(null, fresh: true) > 0;

    public bool AnyStale => Count(null, fresh: false) > 0;

    /// <summary>How many sources of <paramref name="role"/> (any role when null) are fresh, or stale.</summary>
    public int Count(ZoneSourceRole? role, bool fresh)
    {
        var n = 0;
        for (var i = 0; i < Freshness.Length; i++)
        {
            if ((role is null || Sources[i].Role == role) && Freshness[i].Stale != fresh)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>
    /// The persons by the fresh sources of a level role (Occupancy or CellDevices), each reading times its factor, summed,
    /// and scaled up by configured / fresh when some of them are stale (the missing parts are assumed as crowded as the
    /// counted ones); null when none is fresh. Also returns the fresh fraction.
    /// </summary>
    public (double Persons, double Fraction)? LevelEstimate(ZoneSourceRole role)
    {
        int fresh = Count(role, fresh: true), all = fresh + Count(role, fresh: false);
        if (fresh == 0)
        {
            return null;
        }

        var sum = 0.0;
        for (var i = 0; i < Sources.Count; i++)
        {
            if (Sources[i].Role == role && !Freshness[i].Stale)
            {
                sum += LastValid(ReadingsOf(Sources[i].Sensor), _now)!.Value.Value * Sources[i].Factor;
            }
        }

        return (sum * all / fresh, (double)fresh / all);
    }

    /// <summary>
    /// The sum of the <paramref name="role"/> line sources' counts not yet in the balance of <paramref name="state"/>,
    /// times their factors: a fresh source's counts labelled after its mark (<see cref="LineBalanceState.Counted"/>;
    /// for a source without one, after <paramref name="after"/> less the source's step) up to now. Each source's new mark, the label of
    /// its latest count added (or its old mark), goes into <paramref name="marks"/>; a stale source keeps its mark.
    /// </summary>
    public double CountNew(ZoneSourceRole role, LineBalanceState state, DateTimeOffset after, Dictionary<SensorId, DateTimeOffset> marks)
    {
        var sum = 0.0;
        for (var i = 0; i < Sources.Count; i++)
        {
            if (Sources[i].Role != role)
            {
                continue;
            }

            var sensor = Sources[i].Sensor;
            // Without a mark yet, a count labelled up to one of the sensor's steps before `after` may still be new: it
            // is sent when its interval ends.
            var mark = state.Counted.TryGetValue(sensor, out var known) ? known : after - (_stepOf?.Invoke(sensor) ?? TimeSpan.Zero);
            if (!Freshness[i].Stale)
            {
                foreach (var r in ReadingsOf(sensor))
                {
                    if (r.At > mark && r.At <= _now && !double.IsNaN(r.Value))
                    {
                        sum += r.Value * Sources[i].Factor;
                        marks[sensor] = marks.TryGetValue(sensor, out var latest) && latest > r.At ? latest : r.At;
                    }
                }
            }

            marks.TryAdd(sensor, mark);
        }

        return sum;
    }

    /// <summary>
    /// Persons per minute crossing by the fresh <paramref name="role"/> sources, times their factors: a source reporting
    /// at least every <paramref name="window"/> gives its counts in the window over the window; a slower one (an hourly
    /// counter) its last count over its own step, the interval that count covers.
    /// </summary>
    public double RatePerMinute(ZoneSourceRole role, TimeSpan window)
    {
        var rate = 0.0;
        for (var i = 0; i < Sources.Count; i++)
        {
            if (Sources[i].Role != role || Freshness[i].Stale)
            {
                continue;
            }

            var readings = ReadingsOf(Sources[i].Sensor);
            var own = _stepOf?.Invoke(Sources[i].Sensor) is { } step && step > window
                ? LastValid(readings, _now)!.Value.Value / step.TotalMinutes
                : SumWithin(readings, _now - window, _now) / window.TotalMinutes;
            rate += own * Sources[i].Factor;
        }

        return rate;
    }

    private IReadOnlyList<SensorReading> ReadingsOf(SensorId sensor) =>
        _readings.TryGetValue(sensor, out var list) ? list : NoReadings;

    private static SensorReading? LastValid(IReadOnlyList<SensorReading> readings, DateTimeOffset now)
    {
        for (var i = readings.Count - 1; i >= 0; i--)
        {
            if (readings[i].At <= now && !double.IsNaN(readings[i].Value))
            {
                return readings[i];
            }
        }

        return null;
    }

    private static double SumWithin(IReadOnlyList<SensorReading> readings, DateTimeOffset after, DateTimeOffset until)
    {
        var sum = 0.0;
        for (var i = 0; i < readings.Count; i++)
        {
            var r = readings[i];
            if (r.At > after && r.At <= until && !double.IsNaN(r.Value))
            {
                sum += r.Value;
            }
        }

        return sum;
    }
}
