using System.Text.Json;
using System.Text.Json.Serialization;
using Surgewatch.Core.Evaluation.Warnings;

namespace Surgewatch.Cli.Warnings;

/// <summary>The <c>evaluate-warnings</c> report as written by <c>--json</c>; NaN (not defined) is written as null.</summary>
internal static class WarningsJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The report; <paramref name="refit"/> is the refit cadence (null: one fit before the test period).</summary>
    public static string Serialize(string dataset, string testFrom, string? testTo, Refit? refit, WarningEvaluationOptions options, WarningEvaluation product, WarningEvaluation baseline)
    {
        var report = new Report(
            dataset, testFrom, testTo, refit?.Every, refit?.RecalibrateRule, Settings(options), product.Model, Figures(product), product.Score.Sensors, Math.Round(product.Score.TestDays, 2),
            product.Fits, Math.Round(product.FitTime.TotalSeconds, 2), Math.Round(product.PredictTime.TotalSeconds, 2),
            product.Score.Events, product.Score.Episodes, BriefingOf(product),
            new Baseline(baseline.Model, Figures(baseline), baseline.Score.Events, baseline.Score.Episodes, BriefingOf(baseline), BySensorOf(baseline)),
            BySensorOf(product));
        return JsonSerializer.Serialize(report, Options);
    }

    private static Rule Settings(WarningEvaluationOptions o) => o.Congestion is { } road
        ? new Rule("congestion", road.Probability, null, null, 0, null, null, null, null, null, null, null)
        {
            CongestedRatio = road.Ladder.Congested,
            FreeFlowPercentile = road.FreeFlowPercentile,
            CalibrationDays = road.CalibrationDays,
            Horizon = o.RollingHorizon,
            KeepFiringMinutes = (int)road.KeepFiring.TotalMinutes,
            ForecastBins = road.ForecastEdges,
            ProfileBins = road.ProfileEdges,
            ProfileDays = road.ProfileDays,
        }
        : o.Rule == WarningRuleKind.UpperBound
        ? new Rule("upper-bound", null, null, null, o.KeepFiringHours, null, null, null, null, o.UpperQuantile, null, null)
        : new Rule("exceedance", o.LiveProbability, o.DayAheadProbability, o.WithdrawProbability, o.KeepFiringHours, o.Pending, o.LevelEdges ?? [], o.PoolSensors, o.HourGroups, null, o.SensorLevel, o.SensorScale);

    private static Fields Figures(WarningScore s) => new(
        Round(s.RecallLead1h), Round(s.RecallDayAhead), Round(s.MedianLeadHours), Round(s.Precision), Round(s.FalseEpisodesPerSensor30d), Round(s.WarnedHourFraction));

    /// <summary>An evaluation's figures; the congestion rule's add its leads of 15 and 40 minutes and false episodes per day.</summary>
    private static Fields Figures(WarningEvaluation e) => e.Congestion is { } c
        ? Figures(e.Score) with { RecallLead15m = Round(c.RecallLead15m), RecallLead40m = Round(c.RecallLead40m), FalseEpisodesPerSensorDay = Round(c.FalseEpisodesPerSensorDay) }
        : Figures(e.Score);

    private static BriefingFields? BriefingOf(WarningEvaluation e) => e.Briefing is { } b
        ? new(b.Episodes, Round(b.Precision), Round(b.WarnedHourFraction), Round(b.RecallDayAhead))
        : null;

    private static IReadOnlyList<SensorFields> BySensorOf(WarningEvaluation e) => (e.BySensor ?? [])
        .Select(b => new SensorFields(b.Sensor.Value, Math.Round(b.Threshold, 2), b.Score.Events, b.Score.Episodes, Figures(b.Score)))
        .ToArray();

    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 4);

    private sealed record Rule(
        string Name, double? LiveProbability, double? DayAheadProbability, double? WithdrawProbability, int KeepFiringHours, bool? Pending,
        IReadOnlyList<double>? LevelBins, bool? PoolSensors, int? HourGroups, double? UpperQuantile, bool? SensorLevel, bool? SensorScale)
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public double? CongestedRatio { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public double? FreeFlowPercentile { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? CalibrationDays { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? Horizon { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? KeepFiringMinutes { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<double>? ForecastBins { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<double>? ProfileBins { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? ProfileDays { get; init; }
    }

    /// <summary>The day-ahead briefing's hours at risk scored alone, before withdrawal.</summary>
    private sealed record BriefingFields(int Episodes, double? Precision, double? WarnedHourFraction, double? RecallDayAhead);

    /// <summary>One sensor's figures: which counters the surges and the false warnings come from.</summary>
    private sealed record SensorFields(string Sensor, double Threshold, int Events, int Episodes, Fields F) : WithFigures(F);

    /// <summary>The figures common to the product, the baseline and each sensor, written as fields of their owner.</summary>
    private abstract record WithFigures([property: JsonIgnore] Fields F)
    {
        public double? RecallLead1h => F.RecallLead1h;

        public double? RecallDayAhead => F.RecallDayAhead;

        public double? MedianLeadHours => F.MedianLeadHours;

        public double? Precision => F.Precision;

        public double? FalseEpisodesPerSensor30d => F.FalseEpisodesPerSensor30d;

        public double? WarnedHourFraction => F.WarnedHourFraction;

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public double? RecallLead15m => F.RecallLead15m;

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public double? RecallLead40m => F.RecallLead40m;

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public double? FalseEpisodesPerSensorDay => F.FalseEpisodesPerSensorDay;
    }

    private sealed record Fields(double? RecallLead1h, double? RecallDayAhead, double? MedianLeadHours, double? Precision, double? FalseEpisodesPerSensor30d, double? WarnedHourFraction)
    {
        public double? RecallLead15m { get; init; }

        public double? RecallLead40m { get; init; }

        public double? FalseEpisodesPerSensorDay { get; init; }
    }

    /// <summary>A refit cadence: the interval as <c>--refit-every</c> reads it, and whether the rule is calibrated again at each refit.</summary>
    public sealed record Refit(string Every, bool RecalibrateRule);

    private sealed record Report(
        string Dataset, string TestFrom, string? TestTo, string? RefitEvery, bool? RecalibrateRule, Rule Rule, string Model, Fields F, int Sensors, double TestDays, int Fits, double FitSeconds, double PredictSeconds,
        int Events, int Episodes, BriefingFields? Briefing, Baseline Baseline, [property: JsonPropertyOrder(1)] IReadOnlyList<SensorFields> BySensor)
        : WithFigures(F);

    private sealed record Baseline(
        string Model, Fields F, int Events, int Episodes, BriefingFields? Briefing, [property: JsonPropertyOrder(1)] IReadOnlyList<SensorFields> BySensor)
        : WithFigures(F);
}
