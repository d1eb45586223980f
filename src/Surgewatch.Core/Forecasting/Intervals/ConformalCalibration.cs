namespace Surgewatch.Core.Forecasting.Intervals;

/// <summary>
/// Split-conformal offsets per horizon and hour of day of the target: for each level, the lower and upper quantiles of
/// the scaled residuals (actual − forecast) ÷ scale measured out of sample. An interval is forecast + offset × scale.
/// Conditioning on the target's hour keeps coverage even over the day (a day-ahead forecast's horizon h is always
/// the same hour); a cell with fewer than <see cref="MinCellResiduals"/> residuals uses its horizon's quantiles over
/// all hours. Horizons past <see cref="Horizons"/> use the last calibrated horizon.
/// </summary>
public sealed class ConformalCalibration
{
    /// <summary>Buckets of the target's slot of day: its hour.</summary>
    public const int HourBuckets = 24;

    /// <summary>The fewest residuals a (horizon, hour) cell needs to have its own quantiles.</summary>
    public const int MinCellResiduals = 100;

    private readonly double[] _offsets;

    /// <summary>
    /// Creates a calibration from stored offsets laid out as for <see cref="Offsets"/>: level k, side (0 lower,
    /// 1 upper), horizon h, hour b at <c>((((2k + side) × Horizons) + h − 1) × HourBuckets) + b</c>.
    /// </summary>
    public ConformalCalibration(IReadOnlyList<double> levels, int horizons, double[] offsets)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizons, 1);
        var expected = 2 * levels.Count * horizons * HourBuckets;
        if (offsets.Length != expected)
        {
            throw new ArgumentException($"{levels.Count} levels × 2 sides × {horizons} horizons × {HourBuckets} hours need {expected} offsets, not {offsets.Length}.", nameof(offsets));
        }

        Levels = [.. levels];
        Horizons = horizons;
        _offsets = offsets;
    }

    /// <summary>The nominal levels, narrowest first.</summary>
    public IReadOnlyList<double> Levels { get; }

    /// <summary>The number of calibrated horizons.</summary>
    public int Horizons { get; }

    /// <summary>Every offset, for storage; see the constructor for the layout.</summary>
    public ReadOnlySpan<double> Offsets => _offsets;

    /// <summary>The scaled lower (<paramref name="upper"/> false) or upper offset of level index <paramref name="level"/> at horizon <paramref name="h"/> (≥ 1) for a target in hour <paramref name="hour"/>.</summary>
    public double Offset(int level, bool upper, int h, int hour) =>
        _offsets[(((((2 * level) + (upper ? 1 : 0)) * Horizons) + Math.Min(h, Horizons) - 1) * HourBuckets) + hour];

    /// <summary>
    /// Turns residual samples into offsets: for level α, the split-conformal quantiles of rank ⌊(n + 1)(1 − α)/2⌋ from
    /// each end. <paramref name="residuals"/> holds one list per (horizon, hour) cell at <c>(h − 1) × HourBuckets + hour</c>;
    /// the lists are sorted in place. A horizon without residuals takes the previous horizon's offsets (NaN for the first).
    /// With <paramref name="byHour"/> false every cell takes its horizon's pooled quantiles (for a calibration window too
    /// short to tell the hours apart, where one day's quirks would otherwise become the hour's band).
    /// </summary>
    public static ConformalCalibration FromResiduals(IReadOnlyList<double> levels, List<float>[] residuals, bool byHour = true)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(residuals);
        var horizons = residuals.Length / HourBuckets;
        var offsets = new double[2 * levels.Count * horizons * HourBuckets];
        var pooled = new List<float>();
        for (var h = 0; h < horizons; h++)
        {
            pooled.Clear();
            for (var b = 0; b < HourBuckets; b++)
            {
                residuals[(h * HourBuckets) + b].Sort();
                pooled.AddRange(residuals[(h * HourBuckets) + b]);
            }

            pooled.Sort();
            for (var k = 0; k < levels.Count; k++)
            {
                var lower = ((2 * k * horizons) + h) * HourBuckets;
                var upper = (((2 * k) + 1) * horizons + h) * HourBuckets;
                var tail = (1 - levels[k]) / 2;
                for (var b = 0; b < HourBuckets; b++)
                {
                    var cell = residuals[(h * HourBuckets) + b];
                    var sample = byHour && cell.Count >= MinCellResiduals ? cell : pooled;
                    if (sample.Count == 0)
                    {
                        offsets[lower + b] = h == 0 ? double.NaN : offsets[lower + b - HourBuckets];
                        offsets[upper + b] = h == 0 ? double.NaN : offsets[upper + b - HourBuckets];
                        continue;
                    }

                    var rank = ConformalRank(sample.Count, tail);
                    offsets[lower + b] = sample[rank];
                    offsets[upper + b] = sample[sample.Count - 1 - rank];
                }
            }
        }

        return new ConformalCalibration(levels, horizons, offsets);
    }

    /// <summary>The 0-based rank from each end: ⌊(n + 1) × tail⌋ − 1, clamped to the sample.</summary>
    private static int ConformalRank(int n, double tail)
    {
        // The upper bound is the ⌈(n + 1)(1 − tail)⌉-th smallest value, the lower the ⌊(n + 1) tail⌋-th.
        var drop = (int)Math.Floor(((n + 1) * tail) + 1e-9) - 1;
        return Math.Clamp(drop, 0, (n - 1) / 2);
    }
}
