using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;

namespace Surgewatch.Forecasting.XGBoost.Gbm;

/// <summary>
/// Samples training rows: random origins before the training end, each with a few horizons, a share drawn uniformly
/// from the first hour (rolling forecasts) and the rest log-uniformly from <c>firstHorizon</c> to one day of slots (so
/// every slot of a day-ahead forecast is covered). A first-hour-only sample draws at most as many horizons per origin
/// as the first hour has (one for hourly data, rather than the same row four times); a booster that never serves the
/// first hour passes the first horizon past it. There are never more rows than the window holds (series × origins ×
/// horizons). A row's target lies before the training end, is present and is not in an
/// outage (<see cref="FeatureBuilder.IsOutage"/>) that starts after the origin: a fault nobody could see coming is
/// not something to learn to forecast, but one under way at the origin is (its zeros are scored; dropping those rows
/// too measured far worse on Melbourne 2014, where a sensor published zeros for weeks); its label is the
/// reading less its <see cref="GbmBase"/> divided by the series' scale, its weight the scale
/// (times the recency decay of <see cref="GbmOptions.RecencyHalfLife"/>, if any) divided by the mean weight of the rows
/// (so large sensors count as much as in WAPE, while min_child_weight and the
/// L2 penalty keep their usual meaning; unnormalised weights measured worse: rolling WAPE 0.1255 against 0.1228).
/// </summary>
internal static class TrainingSampler
{
    public static TrainingRows Sample(SeriesPanel panel, int trainEnd, FeatureBuilder builder, GbmOptions options, CancellationToken cancellationToken, int firstHorizon = 1)
    {
        var perDay = SlotCalendar.StepsPerDay(panel.Step);
        var usable = UsableSeries(panel, builder);
        var perHour = SlotCalendar.StepsPerHour(panel.Step);
        firstHorizon = Math.Clamp(firstHorizon, 1, perDay);
        var shortShare = options.ShortHorizonShare;
        var horizons = firstHorizon == 1 && shortShare >= 1 ? Math.Min(perHour, perDay) : perDay - firstHorizon + 1;

        // Never more rows than the window has (series, origin, horizon) triples: a short history is not repeated
        // hundreds of times over, which only costs fitting time.
        var rows = new TrainingRows((int)Math.Min(options.MaxTrainingRows, (long)usable.Length * Math.Max(0, trainEnd - 1) * horizons), builder.Columns);
        if (usable.Length == 0 || trainEnd < 2)
        {
            return rows;
        }

        var random = new Random(options.Seed);
        var logMax = Math.Log(perDay + 1);
        var logMin = Math.Log(firstHorizon);

        // A first-hour-only sample of hourly data has one horizon to draw: more than one row per origin would repeat it.
        var perOrigin = shortShare >= 1 ? Math.Min(options.HorizonsPerOrigin, horizons) : options.HorizonsPerOrigin;
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
            if (Missing.Is(scale) || (GbmBase.NeedsLast(options.Target) && Missing.Is(builder.LastReading(series, origin))))
            {
                continue;
            }

            var built = false;
            for (var k = 0; k < perOrigin && !rows.IsFull; k++)
            {
                var horizon = firstHorizon == 1 && random.NextDouble() < shortShare
                    ? 1 + random.Next(Math.Min(perHour, perDay))
                    : Math.Clamp((int)Math.Exp(logMin + (random.NextDouble() * (logMax - logMin))), firstHorizon, perDay);
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
                var from = GbmBase.Of(options.Target, builder, series, origin, row, scale);
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
