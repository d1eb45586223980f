namespace Surgewatch.Core.Evaluation;

/// <summary>The empirical coverage of the prediction intervals of one nominal level.</summary>
/// <param name="Level">The nominal level, such as 0.8.</param>
/// <param name="Coverage">The share of actuals inside their interval.</param>
/// <param name="N">The number of scored pairs that had an interval.</param>
public sealed record IntervalCoverage(double Level, double Coverage, long N)
{
    /// <summary>The coverage of the level closest to <paramref name="level"/> in <paramref name="coverage"/>, or null.</summary>
    public static double? Of(IReadOnlyList<IntervalCoverage>? coverage, double level)
    {
        if (coverage is null)
        {
            return null;
        }

        foreach (var c in coverage)
        {
            if (Math.Abs(c.Level - level) < 1e-9)
            {
                return c.Coverage;
            }
        }

        return null;
    }
}
