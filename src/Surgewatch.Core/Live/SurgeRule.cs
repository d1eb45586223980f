using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Live;

/// <summary>
/// The counters' surge-warning rule as deployed: each counter's surge threshold (a high percentile of its history)
/// and the exceedance calibration (<see cref="ExceedanceCalibration"/>), learnt out of sample on the weeks before the
/// end of training, with the settings of <see cref="WarningEvaluationOptions"/>. <c>evaluate-warnings</c> builds the
/// same rule before its test period (<see cref="FromCalibration"/>), and the live monitor (<see cref="SurgeMonitor"/>)
/// warns with it, so the figures published for the rule describe the warnings a deployment raises.
/// </summary>
/// <param name="Sensors">The counters, in the order of <paramref name="Thresholds"/> and of the calibration's series.</param>
/// <param name="Thresholds">Each counter's surge threshold; NaN for a counter with too little history, which is not warned.</param>
/// <param name="Calibration">The exceedance distributions.</param>
/// <param name="Options">The rule's settings (probability levels, horizon, keep-firing, …).</param>
/// <param name="Step">The grid step the rule was calibrated on.</param>
public sealed record SurgeRule(IReadOnlyList<SensorId> Sensors, double[] Thresholds, ExceedanceCalibration Calibration, WarningEvaluationOptions Options, TimeSpan Step)
{
    private const string Tag = "surge-rule/2";

    /// <summary>The tag of rules saved before the format had a flag for road settings; read as surge rules.</summary>
    private const string SurgeOnlyTag = "surge-rule/1";

    /// <summary>
    /// The rule for the slots after <paramref name="calibration"/>'s window: thresholds from the readings before
    /// <paramref name="calibration"/>.To, distributions from its out-of-sample forecasts.
    /// </summary>
    /// <exception cref="ArgumentException">The options are not those of the exceedance rule, or out of range.</exception>
    public static SurgeRule FromCalibration(SeriesPanel panel, ForecastTable calibration, WarningEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(options);
        options = options.Validated();
        if (options.Rule != WarningRuleKind.Exceedance)
        {
            throw new ArgumentException("Only the exceedance rule is deployed live.", nameof(options));
        }

        if (options.Congestion is not null)
        {
            throw new ArgumentException("Road speeds are warned by the congestion rule (Roads.CongestionRule), not the surge rule.", nameof(options));
        }

        var thresholds = SurgeThresholds.Compute(panel, calibration.To, options.Percentile, options.MinimumDays);
        var fitted = ExceedanceCalibration.Fit(
            panel, calibration, thresholds, options.LevelEdges, options.PoolSensors, options.HourGroups, options.SensorLevel, options.SensorScale);
        return new SurgeRule([.. panel.Sensors], thresholds, fitted, options, panel.Step);
    }

    /// <summary>
    /// Calibrates the rule for the slots from <paramref name="trainEnd"/> on, as a deployment does when it trains:
    /// <paramref name="model"/> is fitted on the data before the calibration weeks and forecasts them the way the live
    /// rule and the day-ahead briefing would, and the rule is built from those forecasts.
    /// </summary>
    /// <exception cref="ArgumentException">There is too little data before <paramref name="trainEnd"/> for the calibration weeks.</exception>
    public static SurgeRule Calibrate(SeriesPanel panel, IForecastModel model, int trainEnd, WarningEvaluationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options = options.Validated();
        var calibrationStart = WarningEvaluator.CalibrationStart(panel, trainEnd, options);
        if (calibrationStart <= 0 || trainEnd > panel.Length)
        {
            throw new ArgumentException($"The surge rule needs more than {options.CalibrationWindow.TotalDays:0} days of data before the end of training.", nameof(trainEnd));
        }

        var early = model.Fit(panel, calibrationStart, cancellationToken);
        var table = ForecastTable.Sweep(early, panel, calibrationStart, trainEnd, options, null, cancellationToken);
        return FromCalibration(panel, table, options);
    }

    /// <summary>
    /// The probability that <paramref name="series"/> reaches its threshold (a surge) at a slot forecast as
    /// <paramref name="point"/> by a forecast of <paramref name="kind"/>; NaN for a missing forecast.
    /// </summary>
    public double Probability(int series, int kind, double point, int hour) =>
        Calibration.Probability(series, kind, point, Thresholds[series], hour);

    /// <summary>The number of counters the rule warns about (those with a threshold).</summary>
    public int WarnedCounters => Thresholds.Count(t => !double.IsNaN(t));

    /// <summary>The rule as bytes, to save beside its model.</summary>
    public byte[] ToBytes() => StateFormat.Write(writer =>
    {
        writer.Write(Tag);
        StateFormat.WriteSensors(writer, Sensors);
        StateFormat.WriteDoubles(writer, Thresholds);
        WriteOptions(writer, Options);
        writer.Write(Step.Ticks);
        StateFormat.WriteBlock(writer, Calibration.ToBytes());
    });

    /// <summary>A rule written by <see cref="ToBytes"/>; <see cref="ModelStateException"/> when the bytes are not one.</summary>
    public static SurgeRule FromBytes(ReadOnlySpan<byte> state) => StateFormat.Read(state, reader =>
    {
        var tag = reader.ReadString();
        if (tag != Tag && tag != SurgeOnlyTag)
        {
            throw new ModelStateException($"The saved state is '{tag}', not '{Tag}': it was written by another model or version. Train the model again.");
        }

        var sensors = StateFormat.ReadSensors(reader);
        var thresholds = StateFormat.ReadDoubles(reader);
        var options = ReadOptions(reader, withRoadFlag: tag == Tag);
        var step = TimeSpan.FromTicks(reader.ReadInt64());
        var calibration = ExceedanceCalibration.FromBytes(StateFormat.ReadBlock(reader));
        if (thresholds.Length != sensors.Length || step <= TimeSpan.Zero)
        {
            throw new ModelStateException("The saved surge rule's shape is inconsistent; train again.");
        }

        return new SurgeRule(sensors, thresholds, calibration, options.Validated(), step);
    });

    private static void WriteOptions(BinaryWriter writer, WarningEvaluationOptions o)
    {
        writer.Write(o.RollingHorizon);
        writer.Write(o.DayAhead);
        writer.Write(o.CalibrationWeeks);
        writer.Write(o.Percentile);
        writer.Write(o.MinimumDays);
        writer.Write(o.UpperQuantile);
        writer.Write((int)o.Rule);
        writer.Write(o.LiveProbability);
        writer.Write(o.DayAheadProbability);
        writer.Write(o.WithdrawProbability);
        writer.Write(o.KeepFiringHours);
        writer.Write(o.Pending);
        StateFormat.WriteDoubles(writer, o.LevelEdges is null ? [] : [.. o.LevelEdges]);
        writer.Write(o.PoolSensors);
        writer.Write(o.HourGroups);
        writer.Write(o.SensorLevel);
        writer.Write(o.SensorScale);
        // Format /2 has a flag for road settings here; surge rules never have them (roads have CongestionRule).
        writer.Write(false);
    }

    private static WarningEvaluationOptions ReadOptions(BinaryReader reader, bool withRoadFlag)
    {
        var options = ReadSurgeOptions(reader);
        if (withRoadFlag && reader.ReadBoolean())
        {
            throw new ModelStateException("The saved rule is a road congestion rule of an earlier version, which the surge rule does not read; train again.");
        }

        return options;
    }

    private static WarningEvaluationOptions ReadSurgeOptions(BinaryReader reader) => new(
        RollingHorizon: reader.ReadInt32(),
        DayAhead: reader.ReadBoolean(),
        CalibrationWeeks: reader.ReadInt32(),
        Percentile: reader.ReadDouble(),
        MinimumDays: reader.ReadInt32(),
        UpperQuantile: reader.ReadDouble(),
        Rule: (WarningRuleKind)reader.ReadInt32(),
        LiveProbability: reader.ReadDouble(),
        DayAheadProbability: reader.ReadDouble(),
        WithdrawProbability: reader.ReadDouble(),
        KeepFiringHours: reader.ReadInt32(),
        Pending: reader.ReadBoolean(),
        LevelEdges: StateFormat.ReadDoubles(reader) is { Length: > 0 } edges ? edges : null,
        PoolSensors: reader.ReadBoolean(),
        HourGroups: reader.ReadInt32(),
        SensorLevel: reader.ReadBoolean(),
        SensorScale: reader.ReadBoolean());
}
