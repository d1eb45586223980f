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
public sealed class LivePanel
{
    private readonly double[][] _values;

    /// <summary>A panel of <paramref name="capacity"/> slots from <paramref name="start"/>, all missing.</summary>
    public LivePanel(IReadOnlyList<SensorId> sensors, TimeSpan step, TimeLabel start, int capacity)
    {
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

    /// <summary>Stores every row of <paramref name="batch"/> that fits; returns how many did.</summary>
    public int PutAll(ObservationBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var stored = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var row = batch[i];
            stored += Put(row.SensorId, row.Time, row.Value) ? 1 : 0;
        }

        return stored;
    }

    /// <summary>
    /// A new panel of the same sensors and capacity whose first slot is <paramref name="start"/>, holding every reading
    /// of this one from there on: for when the readings reach the end of this panel.
    /// </summary>
    public LivePanel Rolled(TimeLabel start)
    {
        var next = new LivePanel(Panel.Sensors, Panel.Step, start, Panel.Length);
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
}
