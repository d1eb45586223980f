namespace Surgewatch.Core.Evaluation.Warnings;

/// <summary>How a forecast becomes a warning.</summary>
public enum WarningRuleKind
{
    /// <summary>
    /// Warn when the calibrated probability that the slot reaches the threshold is high enough
    /// (<see cref="ExceedanceCalibration"/>, <see cref="ExceedanceRule"/>).
    /// </summary>
    Exceedance,

    /// <summary>Warn when the upper bound of the 90% interval reaches the threshold (<see cref="UpperBoundCalibration"/>).</summary>
    UpperBound,
}

/// <summary>
/// Settings of <see cref="WarningEvaluator"/>. The exceedance rule's defaults were chosen on Melbourne with gbm on a
/// validation year (test 2013, calibration weeks before it; docs/benchmarks.md): with day-ahead recall ≥ 0.60, the
/// setting whose smaller margin over the targets (recall at 1 h lead over 0.85, precision over 0.60) is largest.
/// </summary>
/// <param name="RollingHorizon">Slots ahead forecast from every slot (the live rule), at least 2 so that a lead of an hour is possible on hourly data (default 3).</param>
/// <param name="DayAhead">Whether the day-ahead briefing (forecast of the whole next day after each day's last slot) also warns (default true).</param>
/// <param name="CalibrationWeeks">Weeks before the test period on which the rule is calibrated, out of sample (default 8).</param>
/// <param name="Percentile">The surge threshold's percentile (default 0.995).</param>
/// <param name="MinimumDays">Days of data a sensor needs before the test period to be evaluated (default 90).</param>
/// <param name="UpperQuantile">The quantile the upper bound estimates (upper-bound rule): 0.95 is the upper end of the 90% interval (default).</param>
/// <param name="Rule">The warning rule (default <see cref="WarningRuleKind.Exceedance"/>).</param>
/// <param name="LiveProbability">Exceedance rule: the live rule warns when the exceedance probability reaches this.</param>
/// <param name="DayAheadProbability">Exceedance rule: the day-ahead briefing warns when the exceedance probability reaches this.</param>
/// <param name="WithdrawProbability">Exceedance rule: a day-ahead warning is withdrawn when the latest live forecast's probability falls below this (0: never).</param>
/// <param name="KeepFiringHours">Hours a warning stays on after the last warned hour (the alert lifecycle's keep-firing-for; 0 to 3).</param>
/// <param name="Pending">Exceedance rule: the live rule warns only when two successive forecasts for the slot agree.</param>
/// <param name="LevelEdges">Exceedance rule: edges of the forecast ÷ threshold bins the ratio distributions are conditioned on (null or empty: none).</param>
/// <param name="HourGroups">Exceedance rule: equal groups of the hours of the day, each with its own ratio distributions (1: none).</param>
/// <param name="PoolSensors">Exceedance rule: one ratio distribution for all sensors (per kind and bin) instead of one per sensor.</param>
/// <param name="SensorLevel">Exceedance rule: each sensor's forecasts are multiplied by its median actual ÷ forecast over the calibration window before the probability.</param>
/// <param name="SensorScale">Exceedance rule: each sensor's log ratios are divided by its own spread near its threshold, so that a steady counter is not given the spread of a noisy one.</param>
/// <param name="Congestion">Road speeds: the congestion rule (<see cref="Roads.CongestionRule"/>) instead of the surge rule, calibrated on <see cref="CongestionRuleOptions.CalibrationDays"/> rather than <paramref name="CalibrationWeeks"/> and scored against congestion onsets (null: the counters' surge rule).</param>
public sealed record WarningEvaluationOptions(
    int RollingHorizon = 3,
    bool DayAhead = true,
    int CalibrationWeeks = 8,
    double Percentile = 0.995,
    int MinimumDays = 90,
    double UpperQuantile = 0.95,
    WarningRuleKind Rule = WarningRuleKind.Exceedance,
    double LiveProbability = 0.35,
    double DayAheadProbability = 0.1,
    double WithdrawProbability = 0.35,
    int KeepFiringHours = 3,
    bool Pending = false,
    IReadOnlyList<double>? LevelEdges = null,
    bool PoolSensors = true,
    int HourGroups = 1,
    bool SensorLevel = false,
    bool SensorScale = true,
    CongestionRuleOptions? Congestion = null)
{
    /// <summary>How far ahead the congestion rule looks: an hour, so that onsets can be warned 40 minutes ahead.</summary>
    public static readonly TimeSpan RoadWindow = TimeSpan.FromHours(1);

    /// <summary>
    /// The congestion rule's settings on roads reporting every <paramref name="step"/>, as <c>train</c> calibrates it
    /// and <c>evaluate-warnings --kind road-speed</c> measures it: a window of <see cref="RoadWindow"/> from every slot,
    /// no day-ahead briefing, the keep-firing of <paramref name="road"/> (default <see cref="CongestionRuleOptions.Default"/>).
    /// </summary>
    public static WarningEvaluationOptions ForRoads(TimeSpan step, CongestionRuleOptions? road = null) =>
        new(RollingHorizon: RoadWindowSlots(step), DayAhead: false, KeepFiringHours: 0, Congestion: road ?? CongestionRuleOptions.Default);

    /// <summary><see cref="RoadWindow"/> in slots of <paramref name="step"/> (at least one).</summary>
    public static int RoadWindowSlots(TimeSpan step) => Math.Max(1, (int)(RoadWindow / step));

    /// <summary>The calibration window before the end of training: <see cref="CalibrationWeeks"/>, or the congestion rule's days.</summary>
    public TimeSpan CalibrationWindow => Congestion is { } road ? TimeSpan.FromDays(road.CalibrationDays) : TimeSpan.FromDays(7 * CalibrationWeeks);

    /// <summary>Checks the settings and returns this.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public WarningEvaluationOptions Validated()
    {
        Require(RollingHorizon is >= 1 and <= 62, nameof(RollingHorizon), "1 to 62");
        Require(CalibrationWeeks >= 1, nameof(CalibrationWeeks), "at least 1");
        Require(Percentile is > 0 and < 1, nameof(Percentile), "in (0, 1)");
        Require(MinimumDays >= 1, nameof(MinimumDays), "at least 1");
        Require(UpperQuantile is > 0.5 and < 1, nameof(UpperQuantile), "in (0.5, 1)");
        Require(LiveProbability is > 0 and <= 1, nameof(LiveProbability), "in (0, 1]");
        Require(DayAheadProbability is > 0 and <= 1, nameof(DayAheadProbability), "in (0, 1]");
        Require(WithdrawProbability is >= 0 and <= 1, nameof(WithdrawProbability), "in [0, 1]");
        Require(KeepFiringHours is >= 0 and <= 3, nameof(KeepFiringHours), "0 to 3");
        Require(HourGroups is >= 1 and <= 24, nameof(HourGroups), "1 to 24");
        Require(LevelEdges is null || IsIncreasingPositive(LevelEdges), nameof(LevelEdges), "increasing and above zero");
        Require(Congestion is null || Congestion.CalibrationDays >= 1, "CalibrationDays", "at least 1");
        Require(Congestion is null || Congestion.FreeFlowPercentile is >= 0.5 and <= 1, "FreeFlowPercentile", "in [0.5, 1]");
        Require(Congestion is null || Congestion.Probability is > 0 and <= 1, "Congestion.Probability", "in (0, 1]");
        Require(Congestion is null || (IsIncreasingPositive(Congestion.ForecastEdges) && IsIncreasingPositive(Congestion.ProfileEdges)), "Congestion bin edges", "increasing and above zero");
        Require(Congestion is null || Congestion.ProfileDays is >= 1 and <= 7, "Congestion.ProfileDays", "1 to 7");
        Require(Congestion is null || Congestion.ConfirmSlots is >= 1 and <= 12, "Congestion.ConfirmSlots", "1 to 12");
        Require(Congestion is null || (Congestion.KeepFiring >= TimeSpan.Zero && Congestion.KeepFiring <= TimeSpan.FromHours(3)), "Congestion.KeepFiring", "0 to 3 hours");
        return this;
    }

    private static bool IsIncreasingPositive(IReadOnlyList<double> edges)
    {
        for (var i = 0; i < edges.Count; i++)
        {
            if (!(edges[i] > 0) || (i > 0 && edges[i] <= edges[i - 1]))
            {
                return false;
            }
        }

        return true;
    }

    private static void Require(bool ok, string name, string range)
    {
        if (!ok)
        {
            throw new ArgumentException($"Warning evaluation setting {name} must be {range}.", name);
        }
    }
}
