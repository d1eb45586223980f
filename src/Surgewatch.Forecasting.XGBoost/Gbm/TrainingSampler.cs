using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;

namespace Surgewatch.Forecasting.XGBoost.Gbm;

/// <summary>
/// Samples training rows: random origins before the training end, each with a few horizons, half drawn uniformly
/// from the first hour (rolling forecasts) and half log-uniformly from one step to one day of slots (so every slot
/// of a day-ahead forecast is covered). A row's target lies before the training end, is present and is not in an
/// outage (<see cref="FeatureBuilder.IsOutage"/>) that starts after the origin: a fault nobody could see coming is
/// not something to learn to forecast, but one under way at the origin is (its zeros are scored; dropping those rows
/// too measured far worse on Melbourne 2014, where a sensor published zeros for weeks); its label is the
/// reading divided by the series' scale, its weight the scale
/// (times the recency decay of <see cref="GbmOptions.RecencyHalfLife"/>, if any) divided by the mean weight of the rows
/// (so large sensors count as much as in WAPE, while min_child_weight and the
/// L2 penalty keep their usual meaning; unnormalised weights measured worse: rolling WAPE 0.1255 against 0.1228).
/// </summary>
internal static class TrainingSampler
{
    public static TrainingRows Sample(SeriesPanel panel, int trainEnd, FeatureBuilder builder, GbmOptions options, CancellationToken cancellationToken)
    {
        var perDay = SlotCalendar.StepsPerDay(panel.Step);
        var usable = UsableSeries(panel, builder);
        var rows = new TrainingRows(options.MaxTrainingRows, builder.Columns);
        if (usable.Length == 0 || trainEnd < 2)
        {
            return rows;
        }

        var random = new Random(options.Seed);
        var logMax = Math.Log(perDay + 1);
        var perHour = Math.Max(1, (int)(TimeSpan.FromHours(1) / panel.Step));
        var shortShare = options.ShortHorizonShare;
        var attempts = options.MaxTrainingRows * 4L;
        var decay = options.RecencyHalfLife is { } halfLife ? Math.Log(2) / (halfLife / panel.Step) : 0;
        for (long attempt = 0; attempt < attempts && !rows.IsFull; attempt++)
        {
            if ((attempt & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var series = usable[random.Next(usable.Length)];
            var origin = random.Next(0, trainEnd - 1);
            var values = panel.Values(series);
            var scale = builder.ScaleAt(series, origin);
            var from = options.Target == GbmTarget.ChangeFromLast ? builder.LastReading(series, origin) : 0;
            if (Missing.Is(scale) || Missing.Is(from))
            {
                continue;
            }

            var built = false;
            for (var k = 0; k < options.HorizonsPerOrigin && !rows.IsFull; k++)
            {
                var horizon = random.NextDouble() < shortShare
                    ? 1 + random.Next(Math.Min(perHour, perDay))
                    : Math.Clamp((int)Math.Exp(random.NextDouble() * logMax), 1, perDay);
                var target = origin + horizon;
                if (target >= trainEnd || Missing.Is(values[target]) || (builder.IsOutage(series, target) && !builder.OutageUnderWay(series, origin)))
                {
                    continue;
                }

                var row = rows.Next();
                if (!built)
                {
                    builder.BuildOrigin(series, origin, row);
                    built = true;
                }
                else
                {
                    rows.CopyOriginFromPrevious();
                }

                builder.BuildTarget(series, origin, horizon, row);
                rows.Commit((float)((values[target] - from) / scale), (float)(scale * Math.Exp(-decay * (trainEnd - origin))));
            }
        }

        if (rows.Count > 0)
        {
            rows.NormalizeWeights();
        }

        return rows;
    }

    private static int[] UsableSeries(SeriesPanel panel, FeatureBuilder builder)
    {
        var usable = new List<int>();
        for (var s = 0; s < panel.Sensors.Count; s++)
        {
            if (!Missing.Is(builder.Scale(s)))
            {
                usable.Add(s);
            }
        }

        return [.. usable];
    }
}
