using Surgewatch.Core.Calendar;

namespace Surgewatch.Testing.SyntheticCity;

/// <summary>
/// The synthetic city's noise: count noise drawn from a seeded generator for the counters, and a multiplicative factor
/// that is a pure function of a key and a label for the zones (so their live feed repeats their history exactly).
/// </summary>
internal static class Noise
{
    /// <summary>A non-negative whole number around <paramref name="mean"/>, with Poisson-like spread plus some extra.</summary>
    public static double Count(Random random, double mean)
    {
        // Normal approximation with variance mean × 1.5 (overdispersed like real counts), rounded and floored at 0.
        var sd = Math.Sqrt(Math.Max(mean, 0) * 1.5);
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return Math.Max(0, Math.Round(mean + (sd * z)));
    }

    /// <summary>A factor in [0.97, 1.03] that is the same for the same key and label, in every process (FNV-1a, then a finaliser).</summary>
    public static double Factor(string key, TimeLabel label) => 0.97 + (0.06 * Uniform(key, label.Seconds));

    /// <summary>
    /// A factor in [0.85, 1.15] for the whole day of <paramref name="label"/>: busier and quieter days than the rhythm,
    /// so that no forecaster knows a day exactly from the weeks before.
    /// </summary>
    public static double DayFactor(string key, TimeLabel label) => 0.85 + (0.3 * Uniform(key + "/day", label.Date.DayNumber));

    private static double Uniform(string key, long value)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash = (hash ^ (ulong)value) * 1099511628211UL;
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return (uint)hash / (double)uint.MaxValue;
    }
}
