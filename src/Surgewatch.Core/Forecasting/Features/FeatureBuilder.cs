using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting.Features;

/// <summary>
/// Builds the rows of <see cref="FeatureLayout"/> for (series, origin, horizon): readings up to the origin only,
/// calendar facts of the target, neighbours' readings up to the origin. A feature that cannot be known is NaN.
/// Pure and allocation-free per row; one builder can serve several threads.
/// </summary>
public sealed partial class FeatureBuilder
{
    private readonly SeriesPanel _panel;
    private readonly double[] _scales;
    private readonly HolidayCalendar? _holidays;
    private readonly bool[][]? _events;
    private readonly Dictionary<DateOnly, DateOnly>? _previousHolidays;
    private readonly SensorNeighbours? _neighbours;
    private readonly SensorNeighbours? _upstream;
    private readonly bool _recent;
    private readonly bool _weekendOnly;
    private readonly int _perDay;
    private readonly int _perWeek;
    private readonly int _outageRun;
    private readonly OutageRuns? _runs;
    private bool[][]? _trainingMask;

    /// <summary>
    /// Creates a builder over <paramref name="panel"/>, whose series have <paramref name="scales"/> (see <see cref="SeriesScale.Of"/>);
    /// with <paramref name="recent"/>, rows also carry the short-term columns (<see cref="FeatureLayout.RecentNames"/>);
    /// with <paramref name="weekendOnly"/>, the day_of_week column says only whether the target falls on a Saturday or
    /// Sunday (1) or not (0), for training windows too short to have seen each weekday more than once. With
    /// <paramref name="outageRun"/> above 0, runs of at least that many zeros count as outages (<see cref="OutageMask"/>):
    /// the seasonal lag, median and weekly-mean columns read them as missing once the run is known at the origin.
    /// </summary>
    public FeatureBuilder(SeriesPanel panel, double[] scales, FeatureContext context, bool recent = false, bool weekendOnly = false, int outageRun = 0)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(scales);
        ArgumentNullException.ThrowIfNull(context);
        if (scales.Length != panel.Sensors.Count)
        {
            throw new ArgumentException($"Give one scale per series: {panel.Sensors.Count}, not {scales.Length}.", nameof(scales));
        }

        _panel = panel;
        _scales = scales;
        _perDay = SlotCalendar.StepsPerDay(panel.Step);
        _perWeek = 7 * _perDay;
        _holidays = context.Holidays?.CalendarFor(panel.Start.Date.Year - 1, panel.LabelAt(panel.Length + _perWeek).Date.Year + 1);
        _events = context.Events is { } events ? EventColumns(panel, events, _perWeek) : null;
        _previousHolidays = PreviousHolidays(_holidays);
        _neighbours = context.Edges is { } edges ? SensorNeighbours.FromEdges(panel, edges) : null;
        _upstream = context.Edges is { } reversed ? SensorNeighbours.FromEdges(panel, reversed, reverse: true) : null;
        _recent = recent;
        _weekendOnly = weekendOnly;
        ArgumentOutOfRangeException.ThrowIfNegative(outageRun);
        _outageRun = outageRun;
        if (outageRun > 0)
        {
            // Built from the readings up to each origin as it is asked about, never from the whole panel at once:
            // a model loaded onto a live panel that fills later must see what a backtest sees at the same origin.
            _runs = new OutageRuns(panel, outageRun);
        }
    }

    /// <summary>The length of a zero run that counts as an outage, or 0 when outages are not looked for.</summary>
    public int OutageRun => _outageRun;

    /// <summary>
    /// Whether slot <paramref name="slot"/> of series <paramref name="series"/> lies in an outage (always false without
    /// <see cref="OutageRun"/>), judged on the whole panel: for choosing training targets, whose future is known.
    /// </summary>
    public bool IsOutage(int series, int slot)
    {
        if (_outageRun == 0)
        {
            return false;
        }

        var masks = _trainingMask ??= new bool[_panel.Sensors.Count][];
        return (masks[series] ??= OutageMask.Of(_panel.Values(series), _outageRun))[slot];
    }

    /// <summary>
    /// Whether an outage is under way and already known at <paramref name="origin"/>: the last <see cref="OutageRun"/>
    /// readings up to it are all zero (always false without <see cref="OutageRun"/>).
    /// </summary>
    public bool OutageUnderWay(int series, int origin) => _outageRun > 0 && AllZero(series, origin, _outageRun);

    /// <summary>
    /// Whether the sensor is dead at <paramref name="origin"/>: outages are looked for (<see cref="OutageRun"/> above 0)
    /// and every reading of the whole day up to the origin is zero (a missing reading breaks the run). A counter in a
    /// city street that has read nothing for 24 hours is down, not quiet, and will most likely read zero next as well.
    /// </summary>
    public bool ReadZeroForADay(int series, int origin) => _outageRun > 0 && AllZero(series, origin, _perDay);

    private bool AllZero(int series, int origin, int run)
    {
        if (origin + 1 < run)
        {
            return false;
        }

        foreach (var v in _panel.Values(series).Slice(origin + 1 - run, run))
        {
            if (v != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The reading at <paramref name="index"/> as seen from <paramref name="origin"/>: missing when it lies in an outage
    /// that had ended by then (so a past fault is not read as the sensor's level), else the reading; the zeros of an
    /// outage still under way at the origin are kept, as they say the sensor is still down.
    /// </summary>
    private double At(int series, int index, int origin)
    {
        if (index < 0)
        {
            return Missing.Value;
        }

        return _runs is not null && _runs.EndedBefore(series, index, origin) ? Missing.Value : _panel.Values(series)[index];
    }

    /// <summary>The mean of series <paramref name="series"/> over slots [<paramref name="from"/>, <paramref name="origin"/>] as <see cref="At"/> reads them; NaN when none is present.</summary>
    private double KnownMean(int series, int origin, int from)
    {
        from = Math.Max(0, from);
        if (_runs is null)
        {
            MeanStd(_panel.Values(series)[from..(origin + 1)], [], out var plain, out _);
            return plain;
        }

        double sum = 0;
        var n = 0;
        for (var i = from; i <= origin; i++)
        {
            var v = At(series, i, origin);
            if (!Missing.Is(v))
            {
                sum += v;
                n++;
            }
        }

        return n == 0 ? Missing.Value : sum / n;
    }

    /// <summary>Whether the day_of_week column holds only a weekend flag.</summary>
    public bool WeekendOnly => _weekendOnly;

    /// <summary>Whether rows carry the short-term columns after the <see cref="FeatureLayout.Count"/> standard ones.</summary>
    public bool Recent => _recent;

    /// <summary>The width of this builder's rows: <see cref="FeatureLayout.Count"/>, plus <see cref="FeatureLayout.RecentCount"/> with <see cref="Recent"/>.</summary>
    public int Columns => FeatureLayout.Count + (_recent ? FeatureLayout.RecentCount : 0);

    /// <summary>The fitted scale of series <paramref name="series"/> (NaN when it had no training readings).</summary>
    public double Scale(int series) => _scales[series];

    /// <summary>
    /// The scale used for a row at <paramref name="origin"/>: the fitted one, or for a series that had no training
    /// readings, the mean of its last four weeks up to the origin (NaN when those are all missing). (A scale of the
    /// last week alone was measured worse on Melbourne: rolling WAPE 0.130 against 0.1255.)
    /// </summary>
    public double ScaleAt(int series, int origin)
    {
        if (!Missing.Is(_scales[series]))
        {
            return _scales[series];
        }

        var recent = KnownMean(series, origin, origin + 1 - (4 * _perWeek));
        return recent > 0 ? recent : Missing.Value;
    }

    /// <summary>Writes the origin columns (the first <see cref="FeatureLayout.OriginCount"/>) of series <paramref name="series"/> at slot <paramref name="origin"/>.</summary>
    public void BuildOrigin(int series, int origin, Span<float> row)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(row.Length, FeatureLayout.OriginCount);
        var history = _panel.Values(series)[..(origin + 1)];
        var scale = ScaleAt(series, origin);
        var inverse = 1.0 / scale;
        var t = origin;
        row[0] = Scaled(history, t, inverse);
        row[1] = Scaled(history, t - 1, inverse);
        row[2] = Scaled(history, t - 2, inverse);
        row[3] = Scaled(history, t - 3, inverse);
        MeanStd(history[Math.Max(0, t + 1 - _perDay)..], [], out var meanDay, out var stdDay);
        var meanWeek = KnownMean(series, origin, t + 1 - _perWeek);
        row[4] = (float)(meanDay * inverse);
        row[5] = (float)(stdDay * inverse);
        row[6] = (float)(meanWeek * inverse);
        row[7] = (float)(At(series, t - _perDay, origin) * inverse);
        row[8] = (float)(At(series, t - _perWeek, origin) * inverse);
        row[9] = (float)Math.Log(1 + scale);
        NeighbourColumns(series, origin, row[10..13]);
    }

    /// <summary>
    /// Writes the target columns (from <see cref="FeatureLayout.OriginCount"/> on) for the slot <paramref name="horizon"/>
    /// steps past <paramref name="origin"/>; the origin columns of <paramref name="row"/> are left as they are.
    /// </summary>
    public void BuildTarget(int series, int origin, int horizon, Span<float> row)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(row.Length, Columns);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        var target = origin + horizon;
        var label = _panel.LabelAt(target);
        row[13] = (float)(horizon * _panel.Step.TotalHours);
        row[14] = (float)(label.SecondOfDay / 3600.0);
        row[15] = _weekendOnly ? (label.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1f : 0f) : (float)(int)label.DayOfWeek;
        HolidayColumns(label.Date, row[16..19]);
        row[19] = _events is null || target >= _events[series].Length ? float.NaN : (_events[series][target] ? 1f : 0f);
        LagColumns(series, origin, target, row[20..28]);
        EstimateColumns(series, origin, row[20..33]);
        row[33] = LongMedian(series, origin, target);
        row[34] = YearAgo(series, origin, target, label);
        ProfileColumns(series, origin, row[33], row[35..38]);
        if (_recent)
        {
            // Origin-only columns, written here so that callers copying the first OriginCount columns need not know them.
            RecentColumns(series, origin, target, row.Slice(FeatureLayout.Count, FeatureLayout.RecentCount));
        }
    }

    /// <summary>Writes a whole row: <see cref="BuildOrigin"/> then <see cref="BuildTarget"/>.</summary>
    public void Build(int series, int origin, int horizon, Span<float> row)
    {
        BuildOrigin(series, origin, row);
        BuildTarget(series, origin, horizon, row);
    }

    private static float Scaled(ReadOnlySpan<double> history, int index, double inverse) =>
        index >= 0 ? (float)(history[index] * inverse) : float.NaN;

    /// <summary>The mean and standard deviation of the present values of <paramref name="values"/> and <paramref name="more"/> together.</summary>
    private static void MeanStd(ReadOnlySpan<double> values, ReadOnlySpan<double> more, out double mean, out double std)
    {
        double sum = 0, squares = 0;
        var n = 0;
        Sum(values, ref sum, ref squares, ref n);
        Sum(more, ref sum, ref squares, ref n);

        mean = n == 0 ? Missing.Value : sum / n;
        std = n == 0 ? Missing.Value : Math.Sqrt(Math.Max(0, (squares / n) - (mean * mean)));
    }

    private static void Sum(ReadOnlySpan<double> values, ref double sum, ref double squares, ref int n)
    {
        foreach (var v in values)
        {
            if (!Missing.Is(v))
            {
                sum += v;
                squares += v * v;
                n++;
            }
        }
    }

    private static bool[][] EventColumns(SeriesPanel panel, EventCalendar events, int beyond)
    {
        var columns = new bool[panel.Sensors.Count][];
        for (var s = 0; s < columns.Length; s++)
        {
            columns[s] = new bool[panel.Length + beyond];
            events.FillActive(panel.Sensors[s], panel.Start, panel.Step, columns[s]);
        }

        return columns;
    }
}
