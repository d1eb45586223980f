using System.Globalization;
using Spectre.Console;
using Surgewatch.Core.Evaluation.Warnings;

namespace Surgewatch.Cli.Warnings;

/// <summary>The <c>evaluate-warnings</c> figures side by side, product rule against the baseline.</summary>
internal static class WarningsTable
{
    /// <summary>The table; <paramref name="cadence"/> (such as "refit every 7d") is its caption, when given.</summary>
    public static Table Build(WarningEvaluation product, WarningEvaluation baseline, string? cadence = null)
    {
        var table = new Table().AddColumn("figure").AddColumn(product.Model).AddColumn(baseline.Model + " (baseline)");
        if (cadence is not null)
        {
            table.Caption(cadence);
        }

        Row(table, "sensors evaluated", product.Score.Sensors, baseline.Score.Sensors);
        if (product.Congestion is { } p && baseline.Congestion is { } b)
        {
            Row(table, "congestion onsets", p.Score.Events, b.Score.Events);
            Row(table, "recall, lead >= 15 min", p.RecallLead15m, b.RecallLead15m);
            Row(table, "recall, lead >= 40 min", p.RecallLead40m, b.RecallLead40m);
            Row(table, "median lead, h", p.Score.MedianLeadHours, b.Score.MedianLeadHours);
            Row(table, "warning episodes", p.Score.Episodes, b.Score.Episodes);
            Row(table, "precision", p.Score.Precision, b.Score.Precision);
            Row(table, "false episodes / sensor / day", p.FalseEpisodesPerSensorDay, b.FalseEpisodesPerSensorDay);
        }
        else
        {
            Row(table, "events", product.Score.Events, baseline.Score.Events);
            Row(table, "recall, lead >= 1 h", product.Score.RecallLead1h, baseline.Score.RecallLead1h);
            Row(table, "recall, day-ahead", product.Score.RecallDayAhead, baseline.Score.RecallDayAhead);
            Row(table, "median lead, h", product.Score.MedianLeadHours, baseline.Score.MedianLeadHours);
            Row(table, "warning episodes", product.Score.Episodes, baseline.Score.Episodes);
            Row(table, "precision", product.Score.Precision, baseline.Score.Precision);
            Row(table, "false episodes / sensor / 30 d", product.Score.FalseEpisodesPerSensor30d, baseline.Score.FalseEpisodesPerSensor30d);
        }

        Row(table, "warned share of sensor-time", product.Score.WarnedHourFraction, baseline.Score.WarnedHourFraction);
        Row(table, "fits", product.Fits, baseline.Fits);
        Row(table, "fit s", product.FitTime.TotalSeconds, baseline.FitTime.TotalSeconds);
        Row(table, "predict s", product.PredictTime.TotalSeconds, baseline.PredictTime.TotalSeconds);
        return table;
    }

    private static void Row(Table table, string name, double a, double b) => table.AddRow(name, Format(a), Format(b));

    private static string Format(double value) =>
        double.IsNaN(value) ? "-" : value.ToString(value == Math.Floor(value) && Math.Abs(value) < 1e9 ? "N0" : "0.0000", CultureInfo.InvariantCulture);
}
