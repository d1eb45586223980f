using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Live;

/// <summary>
/// A grid of series that fills as readings arrive: a <see cref="SeriesPanel"/> over arrays this class owns, whose
/// slots past the readings received so far hold <see cref="Missing.Value"/>. Models loaded onto <see cref="Panel"/>
/// forecast from any origin up to the last slot with readings (a <see cref="Forecasting.ForecastOrigin"/> never
/// shows them anything later), so the live loop forecasts from the same kind of panel a backtest does. When a reading
/// falls past the end, <see cref="Put"/> says so and the host rolls it (<see cref="Rolled"/>) and loads its models again.
/// </summary>
/// <remarks>
/// On a coarser grid than the sensors report (<see cref="ForecastGrid"/>), readings are not put one by one: a slot is
/// the total or mean of all its readings, which the store holds (a reading sent twice is stored once). The panel then
/// notes the slots that new readings touched (<see cref="PutAll"/>), and the host lays those slots again from the
/// store's readings (<see cref="TakeTouched"/>, <see cref="Refill"/>) before it forecasts.
/// </remarks>
public sealed class LivePanel
{
    private readonly double[][] _values;
    private readonly Coarse? _coarse;
    private int _touchedFrom = int.MaxValue;
    private int _touchedTo = -1;

    /// <summary>A panel of <paramref name="capacity"/> slots from <paramref name="start"/>, all missing.</summary>
    public LivePanel(IReadOnlyList<SensorId> sensors, TimeSpan step, TimeLabel start, int capacity)
        : this(sensors, step, start, capacity, null)
    {
    }

    /// <summary>
    /// A panel of <paramref name="capacity"/> slots of <paramref name="step"/> from <paramref name="start"/>, all missing,
    /// filled from readings every <paramref name="sensorStep"/>, combined by <paramref name="aggregation"/>.
    /// </summary>
    public LivePanel(IReadOnlyList<SensorId> sensors, TimeSpan step, TimeLabel start, int capacity, TimeSpan sensorStep, Func<SensorId, SlotAggregation> aggregation)
        : this(sensors, step, start, capacity, sensorStep == step ? null : new Coarse(sensorStep, aggregation ?? throw new ArgumentNullException(nameof(aggregation))))
    {
    }

    private LivePanel(IReadOnlyList<SensorId> sensors, TimeSpan step, TimeLabel start, int capacity, Coarse? coarse)
    {
        _coarse = coarse;
        ArgumentNullException.ThrowIfNull(sensors);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _values = new double[sensors.Count][];
        for (var s = 0; s < _values.Length; s++)
        {
            _values[s] = new double[capacity];
            Array.Fill(_values[s], Missing.Value);
        }

        Panel = new SeriesPanel(start, step, sensors, _values);
    }

    /// <summary>The panel models forecast from.</summary>
    public SeriesPanel Panel { get; }

    /// <summary>
    /// Stores a reading; false when it lies outside the panel (before its start: dropped; past its end: roll first) or
    /// its sensor is not on the panel. A later reading for the same slot replaces the earlier one.
    /// </summary>
    public bool Put(SensorId sensor, TimeLabel label, double value)
    {
        var series = Panel.IndexOf(sensor);
        var slot = Panel.SlotOf(label);
        if (series < 0 || slot < 0 || slot >= Panel.Length || Panel.LabelAt((int)slot) != label)
        {
            return false;
        }

        _values[series][slot] = value;
        return true;
    }

    /// <summary>Whether slots are combined from finer readings (then <see cref="PutAll"/> only notes the slots touched).</summary>
    public bool Aggregates => _coarse is not null;

    /// <summary>
    /// Stores every row of <paramref name="batch"/> that fits; returns how many did. On a coarser grid
    /// (<see cref="Aggregates"/>) it notes the slots the rows fall in for <see cref="TakeTouched"/> and stores nothing.
    /// </summary>
    public int PutAll(ObservationBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (_coarse is not null)
        {
            return Touch(batch);
        }

        var stored = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var row = batch[i];
            stored += Put(row.SensorId, row.Time, row.Value) ? 1 : 0;
        }

        return stored;
    }

    /// <summary>
    /// The range of slots that readings handed to <see cref="PutAll"/> fell in since the last call (clamped to the
    /// panel), or null when none did.
    /// </summary>
    public (TimeLabel From, TimeLabel To)? TakeTouched()
    {
        if (_touchedTo < 0)
        {
            return null;
        }

        var range = (Panel.LabelAt(_touchedFrom), Panel.LabelAt(_touchedTo + 1));
        (_touchedFrom, _touchedTo) = (int.MaxValue, -1);
        return range;
    }

    /// <summary>
    /// Lays the slots from <paramref name="from"/> (a slot label) up to <paramref name="to"/> afresh from
    /// <paramref name="readings"/>, which must hold every reading of those slots: each slot becomes their total or mean
    /// (<see cref="ForecastGrid.Aggregate"/>), or missing without any. Returns how many slots were laid.
    /// </summary>
    public int Refill(ObservationBatch readings, TimeLabel from, TimeLabel to)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var coarse = _coarse ?? throw new InvalidOperationException("Refill is for a panel on a coarser grid than its readings.");
        var first = (int)Math.Clamp(Panel.SlotOf(from), 0, Panel.Length);
        var end = (int)Math.Clamp(Panel.SlotOf(to), first, Panel.Length);
        if (end == first)
        {
            return 0;
        }

        var laid = ForecastGrid.Aggregate(readings, coarse.SensorStep, Panel.Step, coarse.Aggregation, Panel.LabelAt(first), end - first);
        for (var s = 0; s < _values.Length; s++)
        {
            var source = laid.IndexOf(Panel.Sensors[s]);
            for (var i = first; i < end; i++)
            {
                _values[s][i] = source < 0 ? Missing.Value : laid.Values(source)[i - first];
            }
        }

        return end - first;
    }

    /// <summary>
    /// A new panel of the same sensors and capacity whose first slot is <paramref name="start"/>, holding every reading
    /// of this one from there on: for when the readings reach the end of this panel.
    /// </summary>
    public LivePanel Rolled(TimeLabel start)
    {
        var next = new LivePanel(Panel.Sensors, Panel.Step, start, Panel.Length, _coarse);
        var offset = Panel.SlotOf(start);
        for (var s = 0; s < _values.Length; s++)
        {
            for (var slot = (int)Math.Max(0, offset); slot < Panel.Length; slot++)
            {
                var to = slot - offset;
                if (to >= 0 && to < next._values[s].Length)
                {
                    next._values[s][to] = _values[s][slot];
                }
            }
        }

        return next;
    }

    private int Touch(ObservationBatch batch)
    {
        var times = batch.TimeSeconds;
        for (var i = 0; i < times.Length; i++)
        {
            var slot = Panel.SlotOf(new TimeLabel(times[i]));
            if (slot >= 0 && slot < Panel.Length)
            {
                _touchedFrom = Math.Min(_touchedFrom, (int)slot);
                _touchedTo = Math.Max(_touchedTo, (int)slot);
            }
        }

        return 0;
    }

    private sealed record Coarse(TimeSpan SensorStep, Func<SensorId, SlotAggregation> Aggregation);
}
