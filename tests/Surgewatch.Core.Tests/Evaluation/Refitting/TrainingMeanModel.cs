using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Tests.Evaluation.Refitting;

/// <summary>
/// A test model whose forecast, at every origin and horizon, is the mean of its series' readings before the end of
/// training, so that a refit visibly changes the forecasts; it records where each fit ended training.
/// </summary>
internal sealed class TrainingMeanModel : IForecastModel
{
    public string Name => "training-mean";

    /// <summary>The training end of every fit, in order.</summary>
    public List<int> TrainEnds { get; } = [];

    public IForecaster Fit(SeriesPanel panel, int trainEnd, CancellationToken cancellationToken = default)
    {
        TrainEnds.Add(trainEnd);
        var means = new double[panel.Sensors.Count];
        for (var s = 0; s < means.Length; s++)
        {
            means[s] = MeanBefore(panel, s, trainEnd);
        }

        return new Forecaster(means);
    }

    /// <summary>What this model forecasts for <paramref name="series"/> when trained up to <paramref name="trainEnd"/>.</summary>
    public static double MeanBefore(SeriesPanel panel, int series, int trainEnd)
    {
        var (sum, n) = (0.0, 0);
        foreach (var v in panel.Values(series)[..trainEnd])
        {
            if (!double.IsNaN(v))
            {
                (sum, n) = (sum + v, n + 1);
            }
        }

        return n == 0 ? Missing.Value : sum / n;
    }

    private sealed class Forecaster(double[] means) : IForecaster
    {
        public void Predict(in ForecastOrigin origin, int series, Span<double> point) => point.Fill(means[series]);
    }
}
