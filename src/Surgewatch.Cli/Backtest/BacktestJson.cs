using System.Text.Json;
using System.Text.Json.Serialization;
using Surgewatch.Core.Evaluation;

namespace Surgewatch.Cli.Backtest;

/// <summary>The backtest report as written by <c>--json</c>.</summary>
internal static class BacktestJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var report = new Report(
            result.Dataset,
            result.Model,
            result.Protocol,
            result.TestFrom.ToString(),
            [.. result.Horizons.Select(h => new Horizon(h.H, h.Mae, h.Rmse, h.Wape, h.Mape, h.N, Cover(h.Coverage, 0.8), Cover(h.Coverage, 0.95)))],
            new Metrics(result.Overall.Mae, result.Overall.Rmse, result.Overall.Wape, result.Overall.Mape, result.Overall.N, Cover(result.Overall.Coverage, 0.8), Cover(result.Overall.Coverage, 0.95)),
            Math.Round(result.FitSeconds, 4),
            Math.Round(result.PredictSeconds, 4),
            [.. result.UpTo.Select(h => new Pooled(h.H, h.Mae, h.Rmse, h.Wape, h.Mape, h.N))],
            result.RefitEvery is { } every ? Common.CliParsing.FormatInterval(every) : null,
            result.Fits);
        return JsonSerializer.Serialize(report, Options);
    }

    /// <summary>The report; <c>refitEvery</c> is the refit interval (null: one fit before the test period), <c>fits</c> the number of fits.</summary>
    private sealed record Report(
        string Dataset, string Model, string Protocol, string TestFrom, Horizon[] Horizons, Metrics Overall, double FitSeconds, double PredictSeconds, Pooled[] UpTo, string? RefitEvery, int Fits);

    private static double? Cover(IReadOnlyList<IntervalCoverage>? coverage, double level) =>
        IntervalCoverage.Of(coverage, level) is { } c ? Math.Round(c, 4) : null;

    private sealed record Horizon(int H, double? Mae, double? Rmse, double? Wape, double? Mape, long N, double? Coverage80, double? Coverage95);

    /// <summary>The errors pooled over steps 1 … H (see <see cref="BacktestResult.UpTo"/>).</summary>
    private sealed record Pooled(int H, double? Mae, double? Rmse, double? Wape, double? Mape, long N);

    private sealed record Metrics(double? Mae, double? Rmse, double? Wape, double? Mape, long N, double? Coverage80, double? Coverage95);
}
