using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting;

/// <summary>
/// The moment a forecast is issued: slot <see cref="Index"/> of a panel is the last slot whose reading is
/// known. A forecaster sees the past only through <see cref="History"/>, which ends at that slot, so a
/// forecast can never use a reading from after its issue time. Labels of future slots are known (they are
/// calendar facts) and can be read with <see cref="LabelAt"/>.
/// </summary>
public readonly struct ForecastOrigin
{
    /// <summary>Creates the origin at slot <paramref name="index"/> of <paramref name="panel"/>.</summary>
    public ForecastOrigin(SeriesPanel panel, int index)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, panel.Length);
        Panel = panel;
        Index = index;
    }

    /// <summary>The panel (the grid, the sensors and the calendar).</summary>
    public SeriesPanel Panel { get; }

    /// <summary>The last known slot.</summary>
    public int Index { get; }

    /// <summary>The label of the last known slot.</summary>
    public TimeLabel Label => Panel.LabelAt(Index);

    /// <summary>Series <paramref name="series"/> up to and including the last known slot.</summary>
    public ReadOnlySpan<double> History(int series) => Panel.Values(series)[..(Index + 1)];

    /// <summary>The label of any slot of the grid, also of future slots.</summary>
    public TimeLabel LabelAt(int index) => Panel.LabelAt(index);
}
