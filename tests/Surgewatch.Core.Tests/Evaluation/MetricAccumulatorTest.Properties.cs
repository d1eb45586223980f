using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Surgewatch.Core.Evaluation;

namespace Surgewatch.Core.Tests.Evaluation;

public partial class MetricAccumulatorTest
{
    private const double Tolerance = 1e-9;

    [Property(Arbitrary = [typeof(PairArbitraries)])]
    public bool ToMetrics_AnyPairs_MaeAtMostRmse(ForecastPairs pairs)
    {
        var metrics = Accumulate(pairs.Actual, pairs.Forecast).ToMetrics();

        return metrics.N == 0 || metrics.Mae <= metrics.Rmse * (1 + Tolerance);
    }

    [Property(Arbitrary = [typeof(PairArbitraries)])]
    public bool ToMetrics_BothSeriesScaled_WapeUnchanged(ForecastPairs pairs, PositiveInt eighths)
    {
        var factor = eighths.Get / 8.0;
        var scaled = Accumulate(Scale(pairs.Actual, factor), Scale(pairs.Forecast, factor)).ToMetrics().Wape;
        var wape = Accumulate(pairs.Actual, pairs.Forecast).ToMetrics().Wape;

        return wape is null ? scaled is null : Math.Abs(scaled!.Value - wape.Value) <= Tolerance * Math.Max(1, wape.Value);
    }

    [Property(Arbitrary = [typeof(PairArbitraries)])]
    public bool Add_PairMaskedByMissingValue_EqualsPairRemoved(ForecastPairs pairs, NonNegativeInt which, bool maskActual)
    {
        if (pairs.Actual.Length == 0)
        {
            return true;
        }

        var i = which.Get % pairs.Actual.Length;
        var actual = (double[])pairs.Actual.Clone();
        var forecast = (double[])pairs.Forecast.Clone();
        (maskActual ? actual : forecast)[i] = double.NaN;

        var masked = Accumulate(actual, forecast);
        var removed = Accumulate(Without(pairs.Actual, i), Without(pairs.Forecast, i));

        return masked == removed;
    }

    [Property(Arbitrary = [typeof(PairArbitraries)])]
    public bool Add_AccumulatorsCombined_EqualOnePass(ForecastPairs pairs, NonNegativeInt cut)
    {
        var split = cut.Get % (pairs.Actual.Length + 1);
        var combined = Accumulate(pairs.Actual, pairs.Forecast, 0, split);
        combined.Add(Accumulate(pairs.Actual, pairs.Forecast, split));

        var onePass = Accumulate(pairs.Actual, pairs.Forecast);

        // Whole quarters keep every sum but the percentage one exact, whatever the order of addition.
        return combined.Count == onePass.Count
            && combined.SumAbsoluteError == onePass.SumAbsoluteError
            && combined.SumSquaredError == onePass.SumSquaredError
            && combined.SumAbsoluteActual == onePass.SumAbsoluteActual
            && combined.NonZeroActualCount == onePass.NonZeroActualCount
            && Math.Abs(combined.SumAbsolutePercentageError - onePass.SumAbsolutePercentageError) <= Tolerance * Math.Max(1, onePass.SumAbsolutePercentageError);
    }

    [Property(Arbitrary = [typeof(PairArbitraries)])]
    public bool ToMetrics_PerfectForecast_AllErrorsZero(ForecastPairs pairs)
    {
        var metrics = Accumulate(pairs.Actual, pairs.Actual).ToMetrics();

        return metrics.N == pairs.Actual.Length
            && (metrics.N == 0 || (metrics.Mae == 0 && metrics.Rmse == 0))
            && metrics.Wape is null or 0
            && metrics.Mape is null or 0;
    }

    private static double[] Without(double[] values, int index) => [.. values[..index], .. values[(index + 1)..]];

    private static double[] Scale(double[] values, double factor) => Array.ConvertAll(values, v => v * factor);

    /// <summary>Equal-length actual and forecast series of whole quarters in [0, 1000], zeros included.</summary>
    public sealed record ForecastPairs(double[] Actual, double[] Forecast)
    {
        public override string ToString() => $"actual [{string.Join(", ", Actual)}], forecast [{string.Join(", ", Forecast)}]";
    }

    public static class PairArbitraries
    {
        public static Arbitrary<ForecastPairs> Pairs()
        {
            var value = Gen.Frequency((1, Gen.Constant(0.0)), (9, Gen.Choose(0, 4000).Select(q => q / 4.0)));
            return Gen.Choose(0, 30)
                .SelectMany(n => Gen.Zip(Gen.ArrayOf(value, n), Gen.ArrayOf(value, n)))
                .Select(p => new ForecastPairs(p.Item1, p.Item2))
                .ToArbitrary();
        }
    }
}
