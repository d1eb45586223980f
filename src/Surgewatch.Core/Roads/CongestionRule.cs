using Surgewatch.Core.Evaluation.Refitting;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Roads;

/// <summary>What the congestion rule decided for one road sensor at one issue slot.</summary>
/// <param name="CongestedNow">The latest reading is known and below the congested speed: the jam is observed, not forecast.</param>
/// <param name="Probability">The probability of congestion within the window (NaN when congested now, or without a forecast).</param>
/// <param name="Warns">Whether the rule warns of congestion within the window.</param>
public readonly record struct CongestionDecision(bool CongestedNow, double Probability, bool Warns);

/// <summary>
/// The road congestion warning rule as deployed: each road sensor's congested speed (the ladder's congested ratio of
/// its free-flow speed) and the calibrated probability of congestion within the window (<see cref="CongestionCalibration"/>),
/// learnt out of sample on the days before the end of training with the settings of
/// <see cref="WarningEvaluationOptions.Congestion"/>. At each issue slot it decides from the latest reading, the
/// model's forecasts over the window and the same-kind-of-day profile (<see cref="Decide"/>); <c>evaluate-warnings</c>
/// applies the same decision to every slot of its test period (<see cref="Flag"/>).
/// </summary>
/// <param name="Sensors">The road sensors, in the order of <paramref name="Thresholds"/>.</param>
/// <param name="Thresholds">Each sensor's congested speed; NaN for a sensor without a free-flow speed, which is not warned.</param>
/// <param name="Calibration">The calibrated probabilities.</param>
/// <param name="Options">The rule's settings: the window is <see cref="WarningEvaluationOptions.RollingHorizon"/> slots.</param>
/// <param name="Step">The grid step the rule was calibrated on.</param>
public sealed record CongestionRule(IReadOnlyList<SensorId> Sensors, double[] Thresholds, CongestionCalibration Calibration, WarningEvaluationOptions Options, TimeSpan Step)
{
    private const string Tag = "congestion-rule/2";

    // Written before ConfirmSlots existed: read with one slot (a rule warned at the first issue then).
    private const string TagWithoutConfirm = "congestion-rule/1";

    /// <summary>The window, in slots: the rule warns of congestion within this many slots from the issue slot on.</summary>
    public int Window => Options.RollingHorizon;

    /// <summary>The road settings (never null: a congestion rule always has them).</summary>
    public CongestionRuleOptions Road => Options.Congestion!;

    /// <summary>
    /// The rule for the slots after <paramref name="calibration"/>'s window: congested speeds from the readings before
    /// <paramref name="calibration"/>.To, probabilities from its out-of-sample forecasts. Only issue slots whose whole
    /// window lies inside the calibration window are learnt from, so nothing after it is read.
    /// </summary>
    /// <exception cref="ArgumentException">The options have no congestion settings, or are out of range.</exception>
    public static CongestionRule FromCalibration(SeriesPanel panel, ForecastTable calibration, WarningEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(options);
        options = options.Validated();
        var road = options.Congestion ?? throw new ArgumentException("The congestion rule needs the road settings (Congestion).", nameof(options));
        var thresholds = road.Thresholds(panel, calibration.To);
        var window = options.RollingHorizon;
        var moments = new List<(double, double, bool)>();
        var forecast = new double[window];
        var profile = new double[window];
        for (var s = 0; s < panel.Sensors.Count; s++)
        {
            if (double.IsNaN(thresholds[s]))
            {
                continue;
            }

            var values = panel.Values(s);
            for (var i = Math.Max(1, calibration.From); i + window <= calibration.To; i++)
            {
                if (IsCongested(values[i - 1], thresholds[s]))
                {
                    continue;
                }

                Gather(panel, calibration, s, i, road.ProfileDays, forecast, profile);
                var followed = false;
                for (var t = i; t < i + window && !followed; t++)
                {
                    followed = IsCongested(values[t], thresholds[s]);
                }

                moments.Add((LowestRatio(forecast, thresholds[s]), LowestRatio(profile, thresholds[s]), followed));
            }
        }

        var fitted = CongestionCalibration.Fit(moments, road.ForecastEdges, road.ProfileEdges);
        return new CongestionRule([.. panel.Sensors], thresholds, fitted, options, panel.Step);
    }

    /// <summary>
    /// The decision for <paramref name="series"/> at an issue slot: <paramref name="latest"/> is the last known reading,
    /// <paramref name="forecast"/> the model's forecasts of the window's slots (NaN where none) and
    /// <paramref name="profile"/> the same-kind-of-day profile of the same slots. The evaluation and the live monitor
    /// both call this.
    /// </summary>
    public CongestionDecision Decide(int series, double latest, ReadOnlySpan<double> forecast, ReadOnlySpan<double> profile)
    {
        var threshold = Thresholds[series];
        if (double.IsNaN(threshold))
        {
            return new CongestionDecision(false, double.NaN, false);
        }

        if (IsCongested(latest, threshold))
        {
            return new CongestionDecision(true, double.NaN, false);
        }

        var p = Calibration.Probability(LowestRatio(forecast, threshold), LowestRatio(profile, threshold));
        return new CongestionDecision(false, p, p >= Road.Probability);
    }

    /// <summary>The rule as bytes, to save beside its model: the roads, their congested speeds, the settings and the calibration.</summary>
    public byte[] ToBytes() => StateFormat.Write(writer =>
    {
        var road = Road;
        writer.Write(Tag);
        StateFormat.WriteSensors(writer, Sensors);
        StateFormat.WriteDoubles(writer, Thresholds);
        writer.Write(Options.RollingHorizon);
        writer.Write(road.Ladder.Slowing);
        writer.Write(road.Ladder.Congested);
        writer.Write(road.Ladder.Jammed);
        writer.Write(road.Onsets.MinRun.Ticks);
        writer.Write(road.Onsets.QuietBefore.Ticks);
        writer.Write(road.FreeFlowPercentile);
        writer.Write(road.CalibrationDays);
        writer.Write(road.Probability);
        StateFormat.WriteDoubles(writer, [.. road.ForecastEdges]);
        StateFormat.WriteDoubles(writer, [.. road.ProfileEdges]);
        writer.Write(road.ProfileDays);
        writer.Write(road.KeepFiring.Ticks);
        writer.Write(road.ConfirmSlots);
        writer.Write(Step.Ticks);
        StateFormat.WriteBlock(writer, Calibration.ToBytes());
    });

    /// <summary>A rule written by <see cref="ToBytes"/>; <see cref="ModelStateException"/> when the bytes are not one.</summary>
    public static CongestionRule FromBytes(ReadOnlySpan<byte> state) => StateFormat.Read(state, reader =>
    {
        var tag = StateFormat.Expect(reader, Tag, TagWithoutConfirm);
        var sensors = StateFormat.ReadSensors(reader);
        var thresholds = StateFormat.ReadDoubles(reader);
        var window = reader.ReadInt32();
        var ladder = new CongestionLadder(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
        var onsets = new OnsetOptions(TimeSpan.FromTicks(reader.ReadInt64()), TimeSpan.FromTicks(reader.ReadInt64()));
        var road = new CongestionRuleOptions(ladder, onsets, reader.ReadDouble(), reader.ReadInt32())
        {
            Probability = reader.ReadDouble(),
            ForecastEdges = StateFormat.ReadDoubles(reader),
            ProfileEdges = StateFormat.ReadDoubles(reader),
            ProfileDays = reader.ReadInt32(),
            KeepFiring = TimeSpan.FromTicks(reader.ReadInt64()),
        };
        road = road with { ConfirmSlots = tag == Tag ? reader.ReadInt32() : 1 };
        var step = TimeSpan.FromTicks(reader.ReadInt64());
        var calibration = CongestionCalibration.FromBytes(StateFormat.ReadBlock(reader));
        if (thresholds.Length != sensors.Length || step <= TimeSpan.Zero)
        {
            throw new ModelStateException("The saved congestion rule's shape is inconsistent; train again.");
        }

        var options = new WarningEvaluationOptions(RollingHorizon: window, DayAhead: false, KeepFiringHours: 0, Congestion: road).Validated();
        return new CongestionRule(sensors, thresholds, calibration, options, step);
    });

    /// <summary>Whether the readings up to slot <paramref name="at"/> end in a run of at least <paramref name="run"/> congested ones.</summary>
    internal static bool ObservedRun(ReadOnlySpan<double> values, int at, double threshold, int run)
    {
        if (at + 1 < run)
        {
            return false;
        }

        for (var t = at - run + 1; t <= at; t++)
        {
            if (!IsCongested(values[t], threshold))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a reading is known and below <paramref name="threshold"/> (an outage never is).</summary>
    public static bool IsCongested(double speed, double threshold) => !CongestionLadder.IsOutage(speed) && speed < threshold;

    /// <summary>
    /// The warnings of the rule over the targets of <paramref name="table"/>, with a rule per refit segment of
    /// <paramref name="schedule"/> (each issue slot decided by the rule in force then), keep-firing included: at each
    /// issue slot i, a road whose readings up to i end in a congestion (a run of <see cref="OnsetOptions.MinRun"/>, as the
    /// onset definition counts one; a shorter dip is no jam) is warned at i (the observed jam, with no lead), and a
    /// road not congested at i − 1 whose probability has reached the level at the last <see cref="CongestionRuleOptions.ConfirmSlots"/>
    /// issues in a row (i included) is warned for slots i to i + window − 1.
    /// </summary>
    /// <exception cref="ArgumentException">There is not one rule per segment.</exception>
    public static WarningFlags Flag(SeriesPanel panel, ForecastTable table, RefitSchedule schedule, IReadOnlyList<CongestionRule> rules)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Count != schedule.Count || rules.Count == 0)
        {
            throw new ArgumentException($"Give one rule per refit segment: {schedule.Count}, not {rules.Count}.", nameof(rules));
        }

        var flags = new WarningFlags(panel.Sensors.Count, panel.Length);
        var window = rules[0].Window;
        var run = rules[0].Road.Onsets.RunSlots(panel.Step);
        var forecast = new double[window];
        var profile = new double[window];
        for (var s = 0; s < table.Series; s++)
        {
            var values = panel.Values(s);
            var streak = 0;
            for (var i = Math.Max(1, table.From); i < table.To; i++)
            {
                var rule = rules[schedule.Count == 1 ? 0 : schedule.SegmentOf(i)];
                if (ObservedRun(values, i, rule.Thresholds[s], run))
                {
                    flags.Flag(s, i, i);
                }

                Gather(panel, table, s, i, rule.Road.ProfileDays, forecast, profile);
                streak = rule.Decide(s, values[i - 1], forecast, profile).Warns ? streak + 1 : 0;
                if (streak >= rule.Road.ConfirmSlots)
                {
                    for (var t = i; t < Math.Min(table.To, i + window); t++)
                    {
                        flags.Flag(s, t, i);
                    }
                }
            }

            var keep = (int)Math.Round(rules[0].Road.KeepFiring / panel.Step);
            if (keep > 0)
            {
                flags.KeepFiring(s, keep, table.From, table.To);
            }
        }

        return flags;
    }

    /// <summary>
    /// The forecasts of the window from issue slot <paramref name="issue"/> (kind h for slot issue + h − 1) and the
    /// profile of the same slots from the readings before <paramref name="issue"/>.
    /// </summary>
    private static void Gather(SeriesPanel panel, ForecastTable table, int series, int issue, int profileDays, Span<double> forecast, Span<double> profile)
    {
        var known = panel.Values(series)[..issue];
        for (var h = 1; h <= forecast.Length; h++)
        {
            var target = issue + h - 1;
            forecast[h - 1] = h < table.Kinds && target < table.To ? table[h, series, target] : double.NaN;
            profile[h - 1] = DayKindProfile.At(known, panel.Start, panel.Step, target, profileDays, Usable);
        }
    }

    /// <summary>Whether a speed counts in the profile: a known, positive one (an outage does not).</summary>
    internal static bool Usable(double speed) => !CongestionLadder.IsOutage(speed);

    /// <summary>The lowest known, positive speed of <paramref name="speeds"/> ÷ <paramref name="threshold"/>; NaN when none is.</summary>
    private static double LowestRatio(ReadOnlySpan<double> speeds, double threshold)
    {
        var lowest = double.PositiveInfinity;
        foreach (var speed in speeds)
        {
            if (speed > 0 && speed < lowest)
            {
                lowest = speed;
            }
        }

        return double.IsPositiveInfinity(lowest) ? double.NaN : lowest / threshold;
    }
}
