using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Evaluation.Warnings;

/// <summary>
/// Replays the product's two forecast schedules over a range of slots: the live rule (from every slot, the next
/// <c>horizon</c> slots) and the day-ahead briefing (after each day's last slot, the whole next day).
/// </summary>
internal static class ForecastSweep
{
    /// <summary>Kind index 0 is the day-ahead forecast; 1..horizon are the live rule's horizons.</summary>
    public delegate void Visit(int series, int issueSlot, int target, int kind, double point);

    public static void Run(
        IForecaster forecaster, SeriesPanel panel, int from, int to, WarningEvaluationOptions options, IProgress<double>? progress, Visit visit, CancellationToken cancellationToken)
    {
        var perDay = Math.Max(1, (int)(TimeSpan.FromDays(1) / panel.Step));
        var point = new double[Math.Max(options.RollingHorizon, perDay)];
        var sensors = panel.Sensors.Count;
        for (var issue = Math.Max(1, from - perDay); issue < to; issue++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var origin = new ForecastOrigin(panel, issue - 1);
            var dayAhead = options.DayAhead && panel.LabelAt(issue).SecondOfDay == 0;
            for (var s = 0; s < sensors; s++)
            {
                if (issue >= from - options.RollingHorizon)
                {
                    Emit(forecaster, origin, s, point.AsSpan(0, options.RollingHorizon), issue, from, to, kindOffset: 1, visit);
                }

                if (dayAhead)
                {
                    Emit(forecaster, origin, s, point.AsSpan(0, perDay), issue, from, to, kindOffset: 0, visit);
                }
            }

            if (issue % 256 == 0)
            {
                progress?.Report((double)(issue - from + perDay) / (to - from + perDay));
            }
        }
    }

    private static void Emit(IForecaster forecaster, in ForecastOrigin origin, int series, Span<double> point, int issue, int from, int to, int kindOffset, Visit visit)
    {
        forecaster.Predict(origin, series, point);
        for (var h = 1; h <= point.Length; h++)
        {
            var target = origin.Index + h;
            if (target >= from && target < to && !double.IsNaN(point[h - 1]))
            {
                visit(series, issue, target, kindOffset == 0 ? 0 : h, point[h - 1]);
            }
        }
    }
}
