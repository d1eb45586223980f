namespace Surgewatch.Testing.SyntheticCity;

/// <summary>Count noise: a non-negative whole number around a mean, with Poisson-like spread plus some extra.</summary>
internal static class Noise
{
    public static double Count(Random random, double mean)
    {
        // Normal approximation with variance mean × 1.5 (overdispersed like real counts), rounded and floored at 0.
        var sd = Math.Sqrt(Math.Max(mean, 0) * 1.5);
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return Math.Max(0, Math.Round(mean + (sd * z)));
    }
}
