namespace Surgewatch.Core.Forecasting.Features;

/// <summary>
/// The columns of a feature row. Columns before <see cref="OriginCount"/> depend only on the series and the origin,
/// so a forecast for many horizons builds them once. Readings are divided by the series' scale
/// (<see cref="SeriesScale"/>); "lag" columns read the last slot at or before the origin that shares the target's
/// slot of day (or of week). "level_ratio" columns compare the last three readings with the same slots a day
/// (a week) earlier; "estimate" columns multiply a lag by that ratio, since trees do not multiply well. "year_ago"
/// reads, on holidays and event days only, the same hour of the same holiday (or event date) a year before.
/// "profile_ratio" (and "_1", an hour earlier) compares the last reading with the median of its slot of week over the
/// eight weeks before; "estimate_profile" is the target slot's eight-week median times that ratio.
/// </summary>
public static class FeatureLayout
{
    /// <summary>The column names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "last", "last_1", "last_2", "last_3", "mean_day", "std_day", "mean_week", "origin_day_ago", "origin_week_ago", "log_scale",
        "nbr_level", "nbr_change_1", "nbr_change_3",
        "horizon_hours", "hour_of_day", "day_of_week", "holiday", "days_to_holiday", "days_from_holiday", "event",
        "lag_day", "lag_week_1", "lag_week_2", "lag_week_3", "lag_week_4", "lag_weeks_median", "lag_weeks_mean", "lag_week_1_holiday",
        "level_ratio_day", "level_ratio_week", "estimate_day", "estimate_week", "estimate_weeks_median",
        "lag_8_weeks_median", "year_ago", "profile_ratio", "profile_ratio_1", "estimate_profile",
    ];

    /// <summary>
    /// The short-term columns that a builder made with <c>recent</c> appends after the <see cref="Count"/> standard
    /// ones (sub-hourly data): readings relative to the last one, so a change-from-last label lines up with them.
    /// The two "same_kind" columns average earlier days of the target's kind (working day, or weekend/holiday).
    /// </summary>
    public static IReadOnlyList<string> RecentNames { get; } =
    [
        "mean_quarter_hour_vs_last", "mean_half_hour_vs_last", "mean_hour_vs_last", "min_hour_vs_last", "max_hour_vs_last", "std_hour",
        "change_1", "change_half_hour", "change_hour", "day_ago_change_to_target",
        "nbr_out_vs_last", "nbr_out_change_quarter_hour", "nbr_in_vs_last", "nbr_in_change_quarter_hour", "nbr_min_vs_last",
        "same_kind_change_to_target", "same_kind_target_vs_last",
    ];

    /// <summary>The number of short-term columns.</summary>
    public const int RecentCount = 17;

    /// <summary>The number of columns that depend on the origin only.</summary>
    public const int OriginCount = 13;

    /// <summary>The number of columns.</summary>
    public const int Count = 38;

    /// <summary>Weeks of the long same-slot median (lag_8_weeks_median and the profile columns).</summary>
    internal const int LongMedianWeeks = 8;

    /// <summary>Weeks of same-slot lags.</summary>
    internal const int LagWeeks = 4;

    /// <summary>Days beyond which the distance to a holiday is written as this value plus one.</summary>
    internal const int HolidaySearchDays = 7;
}
