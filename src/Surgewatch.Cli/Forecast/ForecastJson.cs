using System.Text.Json;
using Surgewatch.Core.Forecasting.Persistence;

namespace Surgewatch.Cli.Forecast;

/// <summary>The forecasts as written by <c>forecast --json</c>.</summary>
internal static class ForecastJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Serialize(SavedModel model, IReadOnlyList<Core.Forecasting.Forecast> forecasts)
    {
        var report = new Report(
            model.Id,
            model.Name,
            model.Version,
            model.TrainTo.ToString(),
            [.. forecasts.Select(f => new Series(
                f.SensorId.ToString(),
                f.IssuedAt.ToString(),
                [.. f.Points.Select(p => new Point(
                    p.Target.ToString(),
                    Math.Round(p.Mean, 3),
                    [.. p.Intervals.Select(i => new Interval(i.Level, Math.Round(i.Lower, 3), Math.Round(i.Upper, 3)))]))]))]);
        return JsonSerializer.Serialize(report, Options);
    }

    private sealed record Report(long ModelId, string Model, string Version, string TrainedTo, Series[] Forecasts);

    private sealed record Series(string Sensor, string IssuedAt, Point[] Points);

    private sealed record Point(string Target, double Mean, Interval[] Intervals);

    private sealed record Interval(double Level, double Lower, double Upper);
}
