using Surgewatch.Core.Alerting;

namespace Surgewatch.Core.Tests.Alerting;

/// <summary>Synthetic one-minute density series for alert scenarios, generated in the test (seeded, so reproducible).</summary>
internal static class Synthetic
{
    /// <summary>A straight ramp from <paramref name="from"/> to <paramref name="to"/> over <paramref name="minutes"/>, plus uniform noise of ±<paramref name="noise"/>.</summary>
    public static double[] Ramp(int minutes, double from, double to, double noise, int seed)
    {
        var random = new Random(seed);
        var values = new double[minutes + 1];
        for (var t = 0; t <= minutes; t++)
        {
            values[t] = from + (to - from) * t / minutes + noise * (2 * random.NextDouble() - 1);
        }

        return values;
    }

    /// <summary>Feeds <paramref name="series"/> to <paramref name="run"/>, one minute apart, each step seeing the last <paramref name="window"/> samples.</summary>
    public static AlertRun Feed(AlertRun run, AlertRule rule, double[] series, int window = 30)
    {
        for (var t = 0; t < series.Length; t++)
        {
            var start = Math.Max(0, t - window + 1);
            var sample = AlertInputs.From(rule, series.AsSpan(start, t - start + 1), TimeSpan.FromMinutes(1));
            run.Step(AlertTestData.Minute(t), sample);
        }

        return run;
    }

    /// <summary>The first minute at which the noise-free ramp reaches <paramref name="level"/>.</summary>
    public static int MinuteReaching(int minutes, double from, double to, double level) =>
        (int)Math.Ceiling((level - from) * minutes / (to - from));
}
