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

    public static string Serialize(string dataset, string testFrom, WarningEvaluation product, WarningEvaluation baseline)
    {
        var report = new Report(
            dataset, testFrom, product.Model, Figures(product.Score), product.Score.Sensors, Math.Round(product.Score.TestDays, 2),
            Math.Round(product.FitTime.TotalSeconds, 2), Math.Round(product.PredictTime.TotalSeconds, 2),
            product.Score.Events, product.Score.Episodes,
            new Baseline(baseline.Model, Figures(baseline.Score), baseline.Score.Events, baseline.Score.Episodes));
        return JsonSerializer.Serialize(report, Options);
    }

    private static Fields Figures(WarningScore s) => new(
        Round(s.RecallLead1h), Round(s.RecallDayAhead), Round(s.MedianLeadHours), Round(s.Precision), Round(s.FalseEpisodesPerSensor30d));

    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 4);

    private sealed record Fields(double? RecallLead1h, double? RecallDayAhead, double? MedianLeadHours, double? Precision, double? FalseEpisodesPerSensor30d);

    private sealed record Report(
        string Dataset, string TestFrom, string Model, [property: JsonIgnore] Fields F, int Sensors, double TestDays, double FitSeconds, double PredictSeconds,
        int Events, int Episodes, Baseline Baseline)
    {
        public double? RecallLead1h => F.RecallLead1h;

        public double? RecallDayAhead => F.RecallDayAhead;

        public double? MedianLeadHours => F.MedianLeadHours;

        public double? Precision => F.Precision;

        public double? FalseEpisodesPerSensor30d => F.FalseEpisodesPerSensor30d;
    }

    private sealed record Baseline(string Model, [property: JsonIgnore] Fields F, int Events, int Episodes)
    {
        public double? RecallLead1h => F.RecallLead1h;

        public double? RecallDayAhead => F.RecallDayAhead;

        public double? MedianLeadHours => F.MedianLeadHours;

        public double? Precision => F.Precision;

        public double? FalseEpisodesPerSensor30d => F.FalseEpisodesPerSensor30d;
    }
}
