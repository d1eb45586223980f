using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Evaluation;

/// <summary>
/// The forecasts of a backtest: origins at <see cref="First"/>, then every <see cref="Stride"/> slots,
/// <see cref="Count"/> in all, each forecasting <see cref="Horizon"/> slots ahead. The test set is the set of
/// target slots from <see cref="FirstTarget"/> to the panel's end: a forecast for a slot before
/// <see cref="FirstTarget"/> or past the end is not scored, and every listed origin has at least one scored target.
/// </summary>
/// <param name="First">The first origin slot.</param>
/// <param name="Stride">Slots between consecutive origins.</param>
/// <param name="Count">The number of origins.</param>
/// <param name="Horizon">Slots forecast from each origin.</param>
/// <param name="FirstTarget">The first slot scored: the slot of test-from.</param>
internal readonly record struct OriginSchedule(int First, int Stride, int Count, int Horizon, int FirstTarget)
{
    /// <summary>The schedule of <paramref name="options"/> on <paramref name="panel"/>, whose test period starts at slot <paramref name="testFrom"/>.</summary>
    public static OriginSchedule For(SeriesPanel panel, BacktestOptions options, int testFrom) => options.Protocol switch
    {
        BacktestProtocol.Rolling => Rolling(panel, testFrom, options.Horizon),
        BacktestProtocol.DayAhead => DayAhead(panel, options.TestFrom, testFrom),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Protocol, "Use Rolling or DayAhead."),
    };

    /// <summary>
    /// The origins of this schedule whose forecast is issued (at origin + 1) from <paramref name="issueFrom"/> up to
    /// before <paramref name="issueTo"/>: the share of one refit segment (<see cref="Refitting.RefitSchedule.IssueRange"/>).
    /// </summary>
    public OriginSchedule Issued(int issueFrom, int issueTo)
    {
        // Origin o is issued at o + 1: keep First + i × Stride + 1 in [issueFrom, issueTo).
        var skip = issueFrom - 1L <= First ? 0 : ((issueFrom - 1L - First + Stride - 1) / Stride);
        var end = issueTo - 1L <= First ? 0 : ((issueTo - 1L - First + Stride - 1) / Stride);
        var first = Math.Min(skip, Count);
        var last = Math.Min(end, Count);
        return this with { First = (int)(First + (first * Stride)), Count = (int)Math.Max(0, last - first) };
    }

    /// <summary>
    /// Rolling: every target slot j ≥ <paramref name="testFrom"/> is forecast at every horizon h = 1 …
    /// <paramref name="horizon"/>, from origin j − h. Origins therefore run from test-from − horizon (clamped to
    /// the first slot) to the second-to-last slot, one per slot; an origin before test-from still sees only the
    /// readings up to itself, all of which precede the test period.
    /// </summary>
    public static OriginSchedule Rolling(SeriesPanel panel, int testFrom, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        var first = Math.Max(0, testFrom - horizon);
        return new(first, 1, Math.Max(0, panel.Length - 1 - first), horizon, testFrom);
    }

    /// <summary>
    /// Day-ahead: an origin at the last slot of every day D whose next day D+1 is on or after the day of
    /// <paramref name="testFromLabel"/>, forecasting every slot of D+1 (h = 1 is D+1's first slot). A day whose
    /// origin would lie before the panel's first slot is left out; slots before <paramref name="testFrom"/>
    /// (when test-from is not a midnight) are not scored.
    /// </summary>
    public static OriginSchedule DayAhead(SeriesPanel panel, TimeLabel testFromLabel, int testFrom)
    {
        var perDay = SlotCalendar.StepsPerDay(panel.Step);
        if (!panel.Start.IsAligned(panel.Step))
        {
            throw new ArgumentException(
                $"A day-ahead backtest needs a panel whose slots start on the {panel.Step} grid from midnight; this one starts at {panel.Start}.",
                nameof(panel));
        }

        var origin = panel.SlotOf(TimeLabel.FromDate(testFromLabel.Date)) - 1;
        if (origin < 0)
        {
            origin += (-origin + perDay - 1) / perDay * perDay;
        }

        var lastOrigin = panel.Length - 2L;
        var count = origin > lastOrigin ? 0 : ((lastOrigin - origin) / perDay) + 1;
        return new((int)Math.Min(origin, panel.Length), perDay, (int)count, perDay, testFrom);
    }
}
