using Surgewatch.Core.Series;

namespace Surgewatch.Core.Calendar;

/// <summary>
/// Answers, per sensor and label, which planned events are on: for lookups (<see cref="Covering"/>) and for
/// feature building (<see cref="IsActive(TimeLabel, SensorId)"/>, <see cref="HoursSinceStart"/>,
/// <see cref="HoursUntilEnd"/>, <see cref="FillActive"/>). The feature queries do not allocate: each sensor's
/// applicable events are resolved once, at construction, into arrays of start and end seconds.
/// </summary>
public sealed class EventCalendar
{
    private readonly long[] _starts;
    private readonly long[] _ends;
    private readonly int[] _cityWide;
    private readonly Dictionary<SensorId, int[]> _bySensor;

    /// <summary>Creates the calendar.</summary>
    /// <param name="events">The events, e.g. from an events file (<c>Surgewatch.Ingestion.Calendars.EventsCsvReader</c>).</param>
    /// <param name="zoneSensors">
    /// The sensors of each zone id, needed when events name zones; an event naming a zone missing here is an error.
    /// </param>
    /// <exception cref="ArgumentException">An event names a zone that <paramref name="zoneSensors"/> does not define.</exception>
    public EventCalendar(IEnumerable<CalendarEvent> events, IReadOnlyDictionary<string, IReadOnlyCollection<SensorId>>? zoneSensors = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        Events = [.. events];
        _starts = [.. Events.Select(e => e.Start.Seconds)];
        _ends = [.. Events.Select(e => e.End.Seconds)];
        var cityWide = new List<int>();
        var bySensor = new Dictionary<SensorId, List<int>>();
        for (var i = 0; i < Events.Count; i++)
        {
            if (Events[i].IsCityWide)
            {
                cityWide.Add(i);
                continue;
            }

            foreach (var sensor in SensorsOf(Events[i], zoneSensors))
            {
                (bySensor.TryGetValue(sensor, out var list) ? list : bySensor[sensor] = []).Add(i);
            }
        }

        _cityWide = [.. cityWide];
        _bySensor = bySensor.ToDictionary(p => p.Key, p => p.Value.Concat(cityWide).Order().ToArray());
    }

    /// <summary>All events, in the order given.</summary>
    public IReadOnlyList<CalendarEvent> Events { get; }

    /// <summary>The events that apply to <paramref name="sensor"/> and cover <paramref name="label"/>, in the order given.</summary>
    public IReadOnlyList<CalendarEvent> Covering(TimeLabel label, SensorId sensor)
    {
        var result = new List<CalendarEvent>();
        foreach (var i in Applicable(sensor))
        {
            if (Covers(i, label.Seconds))
            {
                result.Add(Events[i]);
            }
        }

        return result;
    }

    /// <summary>True when an event that applies to <paramref name="sensor"/> covers <paramref name="label"/>.</summary>
    public bool IsActive(TimeLabel label, SensorId sensor)
    {
        foreach (var i in Applicable(sensor))
        {
            if (Covers(i, label.Seconds))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when an applicable event overlaps the slot [<paramref name="slotStart"/>, + <paramref name="step"/>), even partly.</summary>
    public bool IsActive(TimeLabel slotStart, TimeSpan step, SensorId sensor)
    {
        var from = slotStart.Seconds;
        var to = from + SlotCalendar.StepSeconds(step);
        foreach (var i in Applicable(sensor))
        {
            if (_starts[i] < to && _ends[i] > from)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Hours from the start of the covering event that started last to <paramref name="label"/>; null when no
    /// applicable event covers the label.
    /// </summary>
    public double? HoursSinceStart(TimeLabel label, SensorId sensor)
    {
        long? latestStart = null;
        foreach (var i in Applicable(sensor))
        {
            if (Covers(i, label.Seconds) && (latestStart is null || _starts[i] > latestStart))
            {
                latestStart = _starts[i];
            }
        }

        return latestStart is { } s ? (label.Seconds - s) / 3600.0 : null;
    }

    /// <summary>
    /// Hours from <paramref name="label"/> to the end of the covering event that ends first; null when no
    /// applicable event covers the label.
    /// </summary>
    public double? HoursUntilEnd(TimeLabel label, SensorId sensor)
    {
        long? earliestEnd = null;
        foreach (var i in Applicable(sensor))
        {
            if (Covers(i, label.Seconds) && (earliestEnd is null || _ends[i] < earliestEnd))
            {
                earliestEnd = _ends[i];
            }
        }

        return earliestEnd is { } e ? (e - label.Seconds) / 3600.0 : null;
    }

    /// <summary>
    /// Writes, for each slot of a regular grid starting at <paramref name="firstSlot"/>, whether an applicable
    /// event overlaps it: the feature column of one sensor, without allocating.
    /// </summary>
    public void FillActive(SensorId sensor, TimeLabel firstSlot, TimeSpan step, Span<bool> active)
    {
        var stepSeconds = SlotCalendar.StepSeconds(step);
        active.Clear();
        var gridStart = firstSlot.Seconds;
        var gridEnd = gridStart + ((long)active.Length * stepSeconds);
        foreach (var i in Applicable(sensor))
        {
            var from = Math.Max(_starts[i], gridStart);
            var to = Math.Min(_ends[i], gridEnd);
            if (from >= to)
            {
                continue;
            }

            var firstIndex = (int)((from - gridStart) / stepSeconds);
            var lastIndex = (int)((to - 1 - gridStart) / stepSeconds);
            active[firstIndex..(lastIndex + 1)].Fill(true);
        }
    }

    private int[] Applicable(SensorId sensor) => _bySensor.TryGetValue(sensor, out var list) ? list : _cityWide;

    private bool Covers(int i, long seconds) => seconds >= _starts[i] && seconds < _ends[i];

    private static IEnumerable<SensorId> SensorsOf(CalendarEvent calendarEvent, IReadOnlyDictionary<string, IReadOnlyCollection<SensorId>>? zoneSensors)
    {
        var sensors = new HashSet<SensorId>(calendarEvent.Sensors);
        foreach (var zone in calendarEvent.Zones)
        {
            if (zoneSensors is null || !zoneSensors.TryGetValue(zone, out var members))
            {
                throw new ArgumentException(
                    $"Event '{calendarEvent.Name}' names zone '{zone}', but no sensors were given for that zone; pass the zone's sensors in zoneSensors.",
                    nameof(zoneSensors));
            }

            sensors.UnionWith(members);
        }

        return sensors;
    }
}
