using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting;

/// <summary>
/// The profile of the same kind of day: a slot's typical reading is the median of the readings at the same time of
/// day on the last few days of the same kind (weekdays, or Saturdays and Sundays) before the slot's day. Recurring
/// rush-hour jams and daily peaks repeat on days of the same kind, so this profile foresees them without learning
/// anything; unlike the day before (<c>seasonal-naive-day</c>) it does not take Sunday's empty roads for Monday's.
/// </summary>
public static class DayKindProfile
{
    /// <summary>The default number of same-kind days the median takes: 3.</summary>
    public const int DefaultDays = 3;

    /// <summary>How far back it looks for them: two weeks.</summary>
    private const int MaxDaysBack = 14;

    /// <summary>Whether <paramref name="label"/> falls on a weekend day (Saturday or Sunday).</summary>
    public static bool IsWeekend(TimeLabel label) => label.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>
    /// The profile value of slot <paramref name="target"/>: the median of the usable readings in
    /// <paramref name="history"/> at the same slot of the last <paramref name="days"/> days of its kind, looking back
    /// whole days from the target (only at slots the history holds); NaN when there is none.
    /// </summary>
    /// <param name="history">The readings known so far (slot 0 at <paramref name="start"/>).</param>
    /// <param name="start">The label of slot 0.</param>
    /// <param name="step">The grid step (a whole number of steps per day).</param>
    /// <param name="target">The slot to profile (may lie beyond the history).</param>
    /// <param name="days">How many same-kind days the median takes.</param>
    /// <param name="usable">Which readings count (NaN never does); null: every known reading.</param>
    public static double At(ReadOnlySpan<double> history, TimeLabel start, TimeSpan step, int target, int days = DefaultDays, Func<double, bool>? usable = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var perDay = (int)(TimeSpan.FromDays(1) / step);
        if (perDay < 1)
        {
            return Missing.Value;
        }

        var weekend = IsWeekend(start + (step * target));
        Span<double> found = stackalloc double[days];
        var n = 0;
        for (var back = 1; back <= MaxDaysBack && n < days; back++)
        {
            var source = target - (back * perDay);
            if (source < 0)
            {
                break;
            }

            if (source >= history.Length || IsWeekend(start + (step * source)) != weekend)
            {
                continue;
            }

            var value = history[source];
            if (!Missing.Is(value) && (usable is null || usable(value)))
            {
                found[n++] = value;
            }
        }

        return n == 0 ? Missing.Value : SlotMedian.Of(found[..n]);
    }
}
