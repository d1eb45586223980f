using Surgewatch.Core.Series;

namespace Surgewatch.Core.Evaluation.Warnings;

/// <summary>
/// The exceedance-probability warning rule. The live rule warns about slot t from a forecast h slots ahead when the
/// probability that t reaches the threshold is at least <see cref="WarningEvaluationOptions.LiveProbability"/> (with
/// <see cref="WarningEvaluationOptions.Pending"/>, only when the forecast one slot earlier for t agreed). The
/// day-ahead briefing warns when the day-ahead probability reaches <see cref="WarningEvaluationOptions.DayAheadProbability"/>,
/// unless the latest live forecast for t withdraws it (probability below <see cref="WarningEvaluationOptions.WithdrawProbability"/>);
/// a withdrawn day-ahead warning does not count at all.
/// </summary>
public static class ExceedanceRule
{
    /// <summary>The warnings of the rule over the targets of <paramref name="table"/>.</summary>
    public static WarningFlags Flag(
        SeriesPanel panel, ForecastTable table, ReadOnlySpan<double> thresholds, ExceedanceCalibration calibration, WarningEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(options);
        var flags = new WarningFlags(panel.Sensors.Count, panel.Length);
        var probability = new double[table.Kinds];
        for (var s = 0; s < table.Series; s++)
        {
            if (double.IsNaN(thresholds[s]))
            {
                continue;
            }

            for (var t = table.From; t < table.To; t++)
            {
                var hour = HourOf(panel, t);
                for (var k = 0; k < table.Kinds; k++)
                {
                    probability[k] = calibration.Probability(s, k, table[k, s, t], thresholds[s], hour);
                }

                FlagSlot(panel, flags, s, t, probability, options);
            }
        }

        return flags;
    }

    /// <summary>
    /// The day-ahead briefing's own warnings, before any withdrawal: what the briefing lists as hours at risk. Scoring
    /// them shows what a low <see cref="WarningEvaluationOptions.DayAheadProbability"/> costs, which the withdrawal
    /// hides from the live warnings' figures.
    /// </summary>
    public static WarningFlags Briefing(
        SeriesPanel panel, ForecastTable table, ReadOnlySpan<double> thresholds, ExceedanceCalibration calibration, WarningEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(options);
        var flags = new WarningFlags(panel.Sensors.Count, panel.Length);
        for (var s = 0; s < table.Series; s++)
        {
            for (var t = table.From; t < table.To && !double.IsNaN(thresholds[s]); t++)
            {
                if (calibration.Probability(s, 0, table[0, s, t], thresholds[s], HourOf(panel, t)) >= options.DayAheadProbability)
                {
                    flags.Flag(s, t, ForecastTable.IssueSlot(panel, 0, t));
                }
            }
        }

        return flags;
    }

    private static int HourOf(SeriesPanel panel, int slot) => (int)(panel.LabelAt(slot).SecondOfDay / 3600);

    private static void FlagSlot(SeriesPanel panel, WarningFlags flags, int series, int target, double[] probability, WarningEvaluationOptions options)
    {
        var kinds = WarningKinds(probability, options);
        for (var k = 0; k < probability.Length; k++)
        {
            if ((kinds & (1L << k)) != 0)
            {
                flags.Flag(series, target, ForecastTable.IssueSlot(panel, k, target));
            }
        }
    }

    /// <summary>
    /// The rule's decision for one target slot, given the probability each forecast kind gave it (index 0 the day-ahead
    /// forecast, h the live forecast h slots ahead; NaN where there was none): bit h is set when live kind h warns, bit 0
    /// when the day-ahead warning stands. The live horizons decide from what is known when they are issued (with
    /// <see cref="WarningEvaluationOptions.Pending"/>, kind h + 1 was issued a slot earlier); the day-ahead warning is only
    /// settled at the target's own slot, when kind 1 may withdraw it. The evaluation and the live monitor both call this.
    /// </summary>
    public static long WarningKinds(ReadOnlySpan<double> probability, WarningEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var horizon = probability.Length - 1;
        var kinds = 0L;
        for (var h = 1; h <= horizon; h++)
        {
            var confirmed = !options.Pending || (h < horizon && probability[h + 1] >= options.LiveProbability);
            if (probability[h] >= options.LiveProbability && confirmed)
            {
                kinds |= 1L << h;
            }
        }

        var withdrawn = horizon >= 1 && probability[1] < options.WithdrawProbability;
        if (probability[0] >= options.DayAheadProbability && !withdrawn)
        {
            kinds |= 1L;
        }

        return kinds;
    }
}
