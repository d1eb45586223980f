using Surgewatch.Core.Evaluation.Refitting;
using Surgewatch.Core.Live;
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
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(options);
        return Flag(panel, table, new RulesInForce(RefitSchedule.Once(table.From), [thresholds.ToArray()], [calibration]), options);
    }

    /// <summary>
    /// The warnings of a rule calibrated again at every refit point of <paramref name="schedule"/>: each forecast is
    /// turned into a probability by <paramref name="rules"/>[i], the rule in force when it was issued (segment i), and
    /// each slot is then decided from the probabilities of all its forecasts as with one rule, so that a slot whose
    /// forecasts straddle a refit point is decided as the live monitor would have decided it.
    /// </summary>
    /// <exception cref="ArgumentException">There is not one rule per segment.</exception>
    public static WarningFlags Flag(SeriesPanel panel, ForecastTable table, RefitSchedule schedule, IReadOnlyList<SurgeRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Flag(panel, table, RulesInForce.Of(schedule, rules), rules[0].Options);
    }

    /// <summary>
    /// The day-ahead briefing's own warnings, before any withdrawal: what the briefing lists as hours at risk. Scoring
    /// them shows what a low <see cref="WarningEvaluationOptions.DayAheadProbability"/> costs, which the withdrawal
    /// hides from the live warnings' figures.
    /// </summary>
    public static WarningFlags Briefing(
        SeriesPanel panel, ForecastTable table, ReadOnlySpan<double> thresholds, ExceedanceCalibration calibration, WarningEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(options);
        return Briefing(panel, table, new RulesInForce(RefitSchedule.Once(table.From), [thresholds.ToArray()], [calibration]), options);
    }

    /// <summary>The briefing's own warnings (see the other overload) with a rule calibrated again at every refit point, as <see cref="Flag(SeriesPanel, ForecastTable, RefitSchedule, IReadOnlyList{SurgeRule})"/>.</summary>
    /// <exception cref="ArgumentException">There is not one rule per segment.</exception>
    public static WarningFlags Briefing(SeriesPanel panel, ForecastTable table, RefitSchedule schedule, IReadOnlyList<SurgeRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Briefing(panel, table, RulesInForce.Of(schedule, rules), rules[0].Options);
    }

    private static WarningFlags Flag(SeriesPanel panel, ForecastTable table, RulesInForce rules, WarningEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(options);
        var flags = new WarningFlags(panel.Sensors.Count, panel.Length);
        var probability = new double[table.Kinds];
        for (var s = 0; s < table.Series; s++)
        {
            if (!rules.Warns(s))
            {
                continue;
            }

            for (var t = table.From; t < table.To; t++)
            {
                var hour = HourOf(panel, t);
                for (var k = 0; k < table.Kinds; k++)
                {
                    probability[k] = rules.Probability(panel, s, k, t, table[k, s, t], hour);
                }

                FlagSlot(panel, flags, s, t, probability, options);
            }
        }

        return flags;
    }

    private static WarningFlags Briefing(SeriesPanel panel, ForecastTable table, RulesInForce rules, WarningEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(options);
        var flags = new WarningFlags(panel.Sensors.Count, panel.Length);
        for (var s = 0; s < table.Series; s++)
        {
            var warns = rules.Warns(s);
            for (var t = table.From; t < table.To && warns; t++)
            {
                if (rules.Probability(panel, s, 0, t, table[0, s, t], HourOf(panel, t)) >= options.DayAheadProbability)
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
