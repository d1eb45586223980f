using Surgewatch.Core.Series;
using Surgewatch.Core.Tests.Forecasting;

namespace Surgewatch.Core.Tests.Forecasting.Intervals;

/// <summary>Hourly panels with a daily profile and multiplicative noise, for interval tests.</summary>
internal static class IntervalTestPanels
{
    /// <summary><paramref name="days"/> days of one series per level in <paramref name="levels"/>: level × (1 + sin profile) × (1 + N(0, 0.2)).</summary>
    public static SeriesPanel Noisy(int days, int seed, params double[] levels)
    {
        var random = new Random(seed);
        var series = new double[levels.Length][];
        for (var s = 0; s < levels.Length; s++)
        {
            series[s] = new double[days * 24];
            for (var i = 0; i < series[s].Length; i++)
            {
                var profile = 1 + (0.8 * Math.Sin(2 * Math.PI * (i % 24) / 24.0));
                var noise = 1 + (0.2 * Gaussian(random));
                series[s][i] = Math.Max(0, levels[s] * profile * noise);
            }
        }

        return ForecastTestPanels.Hourly(series);
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
