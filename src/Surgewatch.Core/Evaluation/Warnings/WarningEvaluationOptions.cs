namespace Surgewatch.Core.Evaluation.Warnings;

/// <summary>Settings of <see cref="WarningEvaluator"/>.</summary>
/// <param name="RollingHorizon">Slots ahead forecast from every slot (the live rule), at least 2 so that a lead of an hour is possible on hourly data (default 3).</param>
/// <param name="DayAhead">Whether the day-ahead briefing (forecast of the whole next day after each day's last slot) also warns (default true).</param>
/// <param name="CalibrationWeeks">Weeks before the test period on which the upper bound is calibrated, out of sample (default 8).</param>
/// <param name="Percentile">The surge threshold's percentile (default 0.995).</param>
/// <param name="MinimumDays">Days of data a sensor needs before the test period to be evaluated (default 90).</param>
/// <param name="UpperQuantile">The quantile the upper bound estimates: 0.95 is the upper end of the 90% interval (default).</param>
public sealed record WarningEvaluationOptions(
    int RollingHorizon = 3,
    bool DayAhead = true,
    int CalibrationWeeks = 8,
    double Percentile = 0.995,
    int MinimumDays = 90,
    double UpperQuantile = 0.95)
{
    /// <summary>Checks the settings and returns this.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public WarningEvaluationOptions Validated()
    {
        Require(RollingHorizon >= 1, nameof(RollingHorizon), "at least 1");
        Require(CalibrationWeeks >= 1, nameof(CalibrationWeeks), "at least 1");
        Require(Percentile is > 0 and < 1, nameof(Percentile), "in (0, 1)");
        Require(MinimumDays >= 1, nameof(MinimumDays), "at least 1");
        Require(UpperQuantile is > 0.5 and < 1, nameof(UpperQuantile), "in (0.5, 1)");
        return this;
    }

    private static void Require(bool ok, string name, string range)
    {
        if (!ok)
        {
            throw new ArgumentException($"Warning evaluation setting {name} must be {range}.", name);
        }
    }
}
