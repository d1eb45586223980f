using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Evaluation.Warnings;

/// <summary>
/// Replays the product's two forecast schedules over a range of slots: the live rule (from every slot, the next
/// <c>horizon</c> slots) and the day-ahead briefing (after each day's last slot, the whole next day). Every series is
/// forecast in one batch per origin (<see cref="BatchPrediction"/>), which is what makes a year of gbm forecasts affordable.
/// </summary>
internal static class ForecastSweep
{
    /// <summary>Kind index 0 is the day-ahead forecast; 1..horizon are the live rule's horizons.</summary>
    public delegate void Visit(int series, int issueSlot, int target, int kind, double point);

    /// <summary>
    /// Forecasts the targets <paramref name="from"/> to <paramref name="to"/> from the issue slots in
    /// <paramref name="issues"/> (from, to exclusive: a refit segment's; any range for one fit), visiting each point.
    /// </summary>
    public static void Run(
        IForecaster forecaster, SeriesPanel panel, int from, int to, (int From, int To) issues, WarningEvaluationOptions options, IProgress<double>? progress, Visit visit, CancellationToken cancellationToken)
    {
        var perDay = Math.Max(1, (int)(TimeSpan.FromDays(1) / panel.Step));
        var sensors = panel.Sensors.Count;
        var live = new double[sensors * options.RollingHorizon];
        var day = new double[sensors * perDay];
        var last = Math.Min(to, issues.To);
        for (var issue = Math.Max(Math.Max(1, from - perDay), issues.From); issue < last; issue++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var origin = new ForecastOrigin(panel, issue - 1);
            if (issue >= from - options.RollingHorizon)
            {
                Emit(forecaster, origin, live, options.RollingHorizon, issue, from, to, kindOffset: 1, visit);
            }

            if (options.DayAhead && panel.LabelAt(issue).SecondOfDay == 0)
            {
                Emit(forecaster, origin, day, perDay, issue, from, to, kindOffset: 0, visit);
            }

            if (issue % 256 == 0)
            {
                progress?.Report((double)(issue - from + perDay) / (to - from + perDay));
            }
        }
    }

    private static void Emit(IForecaster forecaster, in ForecastOrigin origin, double[] points, int horizon, int issue, int from, int to, int kindOffset, Visit visit)
    {
        BatchPrediction.PredictAll(forecaster, origin, points);
        for (var s = 0; s * horizon < points.Length; s++)
        {
            for (var h = 1; h <= horizon; h++)
            {
                var target = origin.Index + h;
                var point = points[(s * horizon) + h - 1];
                if (target >= from && target < to && !double.IsNaN(point))
                {
                    visit(s, issue, target, kindOffset == 0 ? 0 : h, point);
                }
            }
        }
    }
}
