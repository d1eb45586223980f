using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Evaluation.Warnings;

/// <summary>
/// The forecasts a warning rule sees over a window of slots, by kind (0: the day-ahead briefing; 1..horizon: the live
/// rule's horizons), series and target slot; NaN where there was none. Each (kind, target) has at most one forecast,
/// so its issue slot follows from the kind (<see cref="IssueSlot"/>) and the table can be stored and re-scored under
/// other rule settings without forecasting again.
/// </summary>
public sealed class ForecastTable
{
    private readonly double[] _values;

    /// <summary>An empty (all-NaN) table.</summary>
    public ForecastTable(int kinds, int series, int from, int to)
        : this(kinds, series, from, to, NewValues(kinds, series, from, to))
    {
    }

    /// <summary>A table over <paramref name="values"/>, laid out kind by kind, series by series, slot by slot.</summary>
    /// <exception cref="ArgumentException">The length of <paramref name="values"/> does not match.</exception>
    public ForecastTable(int kinds, int series, int from, int to, double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kinds);
        ArgumentOutOfRangeException.ThrowIfNegative(series);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
        if (values.Length != (long)kinds * series * (to - from))
        {
            throw new ArgumentException($"{kinds} kinds × {series} series × {to - from} slots need {(long)kinds * series * (to - from)} values, not {values.Length}.", nameof(values));
        }

        (Kinds, Series, From, To, _values) = (kinds, series, from, to, values);
    }

    /// <summary>Forecast kinds: 1 + the live rule's horizon.</summary>
    public int Kinds { get; }

    /// <summary>Series.</summary>
    public int Series { get; }

    /// <summary>First target slot covered.</summary>
    public int From { get; }

    /// <summary>Slot after the last target covered.</summary>
    public int To { get; }

    /// <summary>Every value, in layout order (for storing the table).</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The forecast of kind <paramref name="kind"/> for <paramref name="series"/> at slot <paramref name="target"/>; NaN when none.</summary>
    public double this[int kind, int series, int target]
    {
        get => target >= From && target < To ? _values[Index(kind, series, target)] : Missing.Value;
        set => _values[Index(kind, series, target)] = value;
    }

    /// <summary>
    /// The slot at whose start a forecast of <paramref name="kind"/> for <paramref name="target"/> is issued: a live
    /// forecast h slots ahead is issued h − 1 slots before its target, the day-ahead one at the start of the target's day.
    /// </summary>
    public static int IssueSlot(SeriesPanel panel, int kind, int target)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return kind > 0 ? target - kind + 1 : target - (int)(panel.LabelAt(target).SecondOfDay / (long)panel.Step.TotalSeconds);
    }

    /// <summary>Forecasts with <paramref name="forecaster"/> as the live rule and the day-ahead briefing would, for the targets <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static ForecastTable Sweep(
        IForecaster forecaster, SeriesPanel panel, int from, int to, WarningEvaluationOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(forecaster);
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(options);
        var table = new ForecastTable(options.RollingHorizon + 1, panel.Sensors.Count, from, to);
        table.Fill(forecaster, panel, (int.MinValue, int.MaxValue), options, progress, cancellationToken);
        return table;
    }

    /// <summary>
    /// Writes the forecasts of <paramref name="forecaster"/> issued at the slots of <paramref name="issues"/> (from,
    /// to exclusive) for this table's targets, as <see cref="Sweep"/> does for every issue slot: one refit segment's share.
    /// </summary>
    /// <exception cref="ArgumentException">The table's kinds or series do not match the options or the panel.</exception>
    public void Fill(
        IForecaster forecaster, SeriesPanel panel, (int From, int To) issues, WarningEvaluationOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(forecaster);
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(options);
        if (Kinds != options.RollingHorizon + 1 || Series != panel.Sensors.Count)
        {
            throw new ArgumentException($"A table of {Kinds} kinds and {Series} series cannot hold a horizon of {options.RollingHorizon} on {panel.Sensors.Count} series.", nameof(options));
        }

        ForecastSweep.Run(forecaster, panel, From, To, issues, options, progress, (s, _, target, kind, point) => this[kind, s, target] = point, cancellationToken);
    }

    private int Index(int kind, int series, int target) => (((kind * Series) + series) * (To - From)) + target - From;

    private static double[] NewValues(int kinds, int series, int from, int to)
    {
        var values = new double[(long)kinds * series * Math.Max(0, to - from)];
        Array.Fill(values, Missing.Value);
        return values;
    }
}
