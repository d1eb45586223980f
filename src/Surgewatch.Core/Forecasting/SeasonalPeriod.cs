using Surgewatch.Core.Calendar;

namespace Surgewatch.Core.Forecasting;

/// <summary>The season of a seasonal baseline, measured in slots of the panel's grid through <see cref="SlotCalendar"/>.</summary>
public enum SeasonalPeriod
{
    /// <summary>One day: 24 hourly slots, 288 five-minute slots.</summary>
    Day = 0,

    /// <summary>One week: 168 hourly slots, 2016 five-minute slots.</summary>
    Week = 1,
}

/// <summary>Slot arithmetic shared by the seasonal baselines.</summary>
internal static class SeasonalLag
{
    /// <summary>The number of slots of <paramref name="step"/> in one <paramref name="period"/>.</summary>
    public static int Steps(SeasonalPeriod period, TimeSpan step) => period switch
    {
        SeasonalPeriod.Day => SlotCalendar.StepsPerDay(step),
        SeasonalPeriod.Week => SlotCalendar.StepsPerWeek(step),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Use Day or Week."),
    };

    /// <summary>
    /// The fewest whole seasons to step back from a target <paramref name="h"/> slots past the origin so
    /// that the slot reached is known at the origin: 1 for h ≤ season, 2 for season &lt; h ≤ 2 × season, …
    /// </summary>
    public static int SeasonsBack(int h, int season) => ((h - 1) / season) + 1;
}
