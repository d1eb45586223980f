using Surgewatch.Core.Series;

namespace Surgewatch.Core.Evaluation;

/// <summary>
/// Running sums from which the masked error metrics follow. A pair counts only when both the actual and the
/// forecast are present: a missing actual is never read as zero. Optionally zero actuals are masked too, for
/// series where 0 marks a missing reading (the METR-LA road-speed convention). Sums combine with
/// <see cref="Add(in MetricAccumulator)"/>, so each thread can keep its own and merge them at the end.
/// </summary>
public struct MetricAccumulator : IEquatable<MetricAccumulator>
{
    /// <summary>The number of (forecast, actual) pairs counted.</summary>
    public long Count { get; private set; }

    /// <summary>Σ |forecast − actual|.</summary>
    public double SumAbsoluteError { get; private set; }

    /// <summary>Σ (forecast − actual)².</summary>
    public double SumSquaredError { get; private set; }

    /// <summary>Σ |actual|, the denominator of WAPE.</summary>
    public double SumAbsoluteActual { get; private set; }

    /// <summary>Σ |forecast − actual| / |actual| over pairs whose actual is not zero.</summary>
    public double SumAbsolutePercentageError { get; private set; }

    /// <summary>The number of pairs whose actual is not zero, the denominator of MAPE.</summary>
    public long NonZeroActualCount { get; private set; }

    /// <summary>
    /// Counts one pair unless it is masked. Returns false, changing nothing, when either value is missing or,
    /// with <paramref name="maskZeroActual"/>, when the actual is zero.
    /// </summary>
    public bool Add(double actual, double forecast, bool maskZeroActual = false)
    {
        if (Missing.Is(actual) || Missing.Is(forecast) || (maskZeroActual && actual == 0))
        {
            return false;
        }

        var error = Math.Abs(forecast - actual);
        var scale = Math.Abs(actual);
        Count++;
        SumAbsoluteError += error;
        SumSquaredError += error * error;
        SumAbsoluteActual += scale;
        if (scale != 0)
        {
            SumAbsolutePercentageError += error / scale;
            NonZeroActualCount++;
        }

        return true;
    }

    /// <summary>Adds the sums of <paramref name="other"/> to these.</summary>
    public void Add(in MetricAccumulator other)
    {
        Count += other.Count;
        SumAbsoluteError += other.SumAbsoluteError;
        SumSquaredError += other.SumSquaredError;
        SumAbsoluteActual += other.SumAbsoluteActual;
        SumAbsolutePercentageError += other.SumAbsolutePercentageError;
        NonZeroActualCount += other.NonZeroActualCount;
    }

    /// <summary>The metrics these sums give; a metric without a defined value (no pairs, no nonzero actual) is null.</summary>
    public readonly ErrorMetrics ToMetrics() => new(
        Count == 0 ? null : SumAbsoluteError / Count,
        Count == 0 ? null : Math.Sqrt(SumSquaredError / Count),
        SumAbsoluteActual == 0 ? null : SumAbsoluteError / SumAbsoluteActual,
        NonZeroActualCount == 0 ? null : SumAbsolutePercentageError / NonZeroActualCount,
        Count);

    /// <inheritdoc />
    public readonly bool Equals(MetricAccumulator other) =>
        Count == other.Count && NonZeroActualCount == other.NonZeroActualCount
        && SumAbsoluteError.Equals(other.SumAbsoluteError) && SumSquaredError.Equals(other.SumSquaredError)
        && SumAbsoluteActual.Equals(other.SumAbsoluteActual) && SumAbsolutePercentageError.Equals(other.SumAbsolutePercentageError);

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is MetricAccumulator other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() =>
        HashCode.Combine(Count, NonZeroActualCount, SumAbsoluteError, SumSquaredError, SumAbsoluteActual, SumAbsolutePercentageError);

    /// <summary>Equal when every sum and count is equal.</summary>
    public static bool operator ==(MetricAccumulator left, MetricAccumulator right) => left.Equals(right);

    /// <summary>Unequal when any sum or count differs.</summary>
    public static bool operator !=(MetricAccumulator left, MetricAccumulator right) => !left.Equals(right);
}
