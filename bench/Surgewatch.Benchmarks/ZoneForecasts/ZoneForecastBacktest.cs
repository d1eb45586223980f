using System.Diagnostics;
using System.Globalization;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Core.ZoneSeries;
using Surgewatch.Models.Catalog;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Benchmarks.ZoneForecasts;

/// <summary>
/// <c>zone-forecasts [WEEKS=8] [TEST-DAYS=14] [MODELS=historical-median-4w,gbm]</c>: on the synthetic city's 14 zones
/// (minute occupancy, cell and line counters; <see cref="SyntheticZones"/>), the zone density forecast the server shows
/// (Core's <see cref="ZoneForecastBuilder"/> on each model's quarter-hour source forecasts with conformal 80/95 %
/// intervals, the model fitted on the weeks before the test days) against the seasonal band fallback (on five-minute
/// buckets, as the server runs it), from every quarter-hour of the test days: WAPE and coverage of the quarter-hour
/// ending 15, 30 and 60 minutes after the forecast is made.
/// </summary>
internal static class ZoneForecastBacktest
{
    public const string Command = "zone-forecasts";

    private static readonly DateOnly First = new(2025, 1, 6);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Five = TimeSpan.FromMinutes(5);
    private static readonly int[] Leads = [1, 2, 4];

    public static int Run(string[] args)
    {
        var weeks = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 8;
        var testDays = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 14;
        var models = args.Length > 2 ? args[2].Split(',') : ["historical-median-4w", "gbm"];
        var clock = Stopwatch.StartNew();
        var zones = SyntheticZones.Zones();
        var start = TimeLabel.FromDate(First);
        var end = start + TimeSpan.FromDays(7 * weeks);
        var minutes = Readings(start, end);
        var kinds = SyntheticZones.Sensors().ToDictionary(s => s.Id, s => ForecastGrid.AggregationOf(s.Kind));
        var panel = ForecastGrid.Aggregate(minutes, Minute, Quarter, id => kinds[id]);
        var testStart = panel.FirstSlotAtOrAfter(end - TimeSpan.FromDays(testDays));
        var truth = Truth(panel, zones);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"synthetic city: {zones.Count} zones, {panel.Sensors.Count} minute sensors on quarter-hours, {panel.LabelAt(0)} to {panel.End}; fit before {panel.LabelAt(testStart)}, test {testDays} days"));

        Print(SeasonalBand.Name + " (fallback)", Seasonal(minutes, zones, panel, truth, testStart));
        foreach (var name in models)
        {
            var fitClock = Stopwatch.StartNew();
            var model = ModelCatalogs.Create(ModelCatalogs.Features(null, null, null)).Get(name);
            var forecaster = model.Fit(panel, testStart);
            var fit = fitClock.Elapsed;
            Print($"{name} source forecasts → ZoneForecastBuilder (fit {fit.TotalSeconds:0} s)", Deployed(forecaster, name, zones, panel, truth, testStart));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {clock.Elapsed.TotalSeconds:0} s"));
        return 0;
    }

    private static ObservationBatch Readings(TimeLabel start, TimeLabel end)
    {
        var batch = new ObservationBatch((int)((end - start) / Minute) * SyntheticZones.Specs.Count * 3);
        for (var t = start; t < end; t += Minute)
        {
            SyntheticZones.AddReadings(batch, t, Minute, surgeStart: null);
        }

        return batch;
    }

    // Per zone, the observed density of every quarter-hour (the one definition of persons, over the area).
    private static double[][] Truth(SeriesPanel panel, IReadOnlyList<Zone> zones)
    {
        var truth = new double[zones.Count][];
        for (var z = 0; z < zones.Count; z++)
        {
            var zone = zones[z];
            var values = new double[zone.Sources.Count];
            truth[z] = new double[panel.Length];
            for (var t = 0; t < panel.Length; t++)
            {
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = panel.Values(panel.IndexOf(zone.Sources[i].Sensor))[t];
                }

                truth[z][t] = ZonePersons.Of(zone, values, Quarter) / zone.AreaSquareMetres;
            }
        }

        return truth;
    }

    private static ZoneForecastScore[] Deployed(IForecaster forecaster, string name, IReadOnlyList<Zone> zones, SeriesPanel panel, double[][] truth, int testStart)
    {
        var scores = Scores();
        var horizon = Leads[^1];
        for (var o = testStart - 1; o + horizon < panel.Length; o++)
        {
            var origin = new ForecastOrigin(panel, o);
            var issued = ForecastIssuer.Issue(forecaster, origin, horizon, name);
            for (var z = 0; z < zones.Count; z++)
            {
                if (ZoneForecastBuilder.Build(zones[z], issued, Quarter) is not { } forecast)
                {
                    continue;
                }

                foreach (var point in forecast.Points)
                {
                    var h = (int)panel.SlotOf(point.Target) - o;
                    var lead = Array.IndexOf(Leads, h);
                    if (lead >= 0)
                    {
                        var (i80, i95) = (point.Interval(0.8), point.Interval(0.95));
                        scores[lead].Add(truth[z][o + h], point.Density, i80?.Lower ?? Missing.Value, i80?.Upper ?? Missing.Value, i95?.Lower ?? Missing.Value, i95?.Upper ?? Missing.Value);
                    }
                }
            }
        }

        return scores;
    }

    // The server's fallback: five-minute buckets of the eight days before the issue, forecast an hour ahead, each
    // quarter-hour the mean of its three five-minute steps (means and bounds alike).
    private static ZoneForecastScore[] Seasonal(ObservationBatch minutes, IReadOnlyList<Zone> zones, SeriesPanel panel, double[][] truth, int testStart)
    {
        var scores = Scores();
        var perQuarter = (int)(Quarter / Five);
        var stepsPerDay = (int)(TimeSpan.FromDays(1) / Five);
        var historySteps = 8 * stepsPerDay;
        for (var z = 0; z < zones.Count; z++)
        {
            var buckets = ZoneBuckets.Of(zones[z], minutes, panel.Start, panel.End, Five);
            var density = buckets.Persons.Select(p => p / zones[z].AreaSquareMetres).ToArray();
            for (var o = testStart - 1; o + Leads[^1] < panel.Length; o++)
            {
                var now = (o + 1) * perQuarter;
                var history = density.AsSpan(Math.Max(0, now - historySteps), Math.Min(now, historySteps));
                var bands = SeasonalBand.Forecast(history, stepsPerDay, Leads[^1] * perQuarter);
                for (var l = 0; l < Leads.Length; l++)
                {
                    var first = (Leads[l] - 1) * perQuarter;
                    var q = Average(bands.AsSpan(first, perQuarter));
                    scores[l].Add(truth[z][o + Leads[l]], q.Mean, q.Lo80, q.Hi80, q.Lo95, q.Hi95);
                }
            }
        }

        return scores;
    }

    private static ForecastBand Average(ReadOnlySpan<ForecastBand> bands)
    {
        double mean = 0, lo80 = 0, hi80 = 0, lo95 = 0, hi95 = 0;
        foreach (var b in bands)
        {
            (mean, lo80, hi80, lo95, hi95) = (mean + b.Mean, lo80 + b.Lo80, hi80 + b.Hi80, lo95 + b.Lo95, hi95 + b.Hi95);
        }

        var n = bands.Length;
        return new ForecastBand(mean / n, lo80 / n, hi80 / n, lo95 / n, hi95 / n);
    }

    private static ZoneForecastScore[] Scores() => [.. Leads.Select(_ => new ZoneForecastScore())];

    private static void Print(string name, ZoneForecastScore[] scores)
    {
        Console.WriteLine(name);
        for (var l = 0; l < Leads.Length; l++)
        {
            var s = scores[l];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {Leads[l] * 15,2} min: WAPE {s.Wape:0.0000}  coverage80 {s.Coverage80:0.000}  coverage95 {s.Coverage95:0.000}  width80 {s.Width80:0.000}  width95 {s.Width95:0.000} p/m²  n {s.Count}"));
        }
    }
}
