using Surgewatch.Core.Evaluation.Warnings;

namespace Surgewatch.Core.Roads;

/// <summary>
/// A road sensor's free-flow speed: by default the 85th percentile of its speeds over its history, outages left out.
/// A high percentile is the speed traffic reaches when nothing holds it up; unlike the maximum it ignores a few
/// implausible readings, and leaving out zeros and gaps keeps an outage from lowering it. An operator can override
/// it per sensor in a roads file.
/// </summary>
public static class FreeFlow
{
    /// <summary>The default percentile, 0.85.</summary>
    public const double DefaultPercentile = 0.85;

    /// <summary>The fewest readings an estimate needs: one day of 5-minute readings.</summary>
    public const int MinReadings = 288;

    /// <summary>
    /// The <paramref name="percentile"/> of the usable speeds in <paramref name="speeds"/> (linear between order
    /// statistics), or NaN when fewer than <paramref name="minReadings"/> are usable.
    /// </summary>
    public static double Estimate(ReadOnlySpan<double> speeds, double percentile = DefaultPercentile, int minReadings = MinReadings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0.5);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(minReadings, 1);
        var usable = new double[speeds.Length];
        var n = 0;
        foreach (var speed in speeds)
        {
            if (!CongestionLadder.IsOutage(speed) && double.IsFinite(speed))
            {
                usable[n++] = speed;
            }
        }

        return n < minReadings ? double.NaN : SurgeThresholds.Percentile(usable.AsSpan(0, n), percentile);
    }
}
