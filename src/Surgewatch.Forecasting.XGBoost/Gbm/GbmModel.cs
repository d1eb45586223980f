using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;

namespace Surgewatch.Forecasting.XGBoost.Gbm;

/// <summary>
/// <c>gbm</c>: one global gradient-boosted tree model (XGBoost) over all series, trained on rows of
/// <see cref="FeatureLayout"/> sampled from the training window, predicting each target reading as a ratio to its
/// series' scale. Horizon is a feature, so one model serves rolling and day-ahead forecasts.
/// </summary>
public sealed class GbmModel : IForecastModel
{
    private readonly FeatureContext _context;
    private readonly GbmOptions _options;

    /// <summary>Creates the model with <paramref name="context"/> (holidays, events, sensor graph) and <paramref name="options"/>.</summary>
    public GbmModel(FeatureContext? context = null, GbmOptions? options = null)
    {
        _context = context ?? FeatureContext.None;
        _options = options ?? new GbmOptions();
    }

    /// <inheritdoc />
    public string Name => "gbm";

    /// <inheritdoc />
    /// <exception cref="XGBoostNotInstalledException">The native XGBoost library is missing.</exception>
    public IForecaster Fit(SeriesPanel panel, int trainEnd, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentOutOfRangeException.ThrowIfNegative(trainEnd);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(trainEnd, panel.Length);
        Native.XGBoostLibrary.EnsureAvailable();
        var builder = new FeatureBuilder(panel, SeriesScale.Of(panel, trainEnd), _context);
        var rows = TrainingSampler.Sample(panel, trainEnd, builder, _options, cancellationToken);
        if (rows.Count == 0)
        {
            throw new InvalidOperationException($"Model '{Name}' found no training rows before slot {trainEnd}: give it a longer training period with readings.");
        }

        using var matrix = DenseMatrix.Create(rows.Features, rows.Columns, rows.Labels, rows.Weights);
        var booster = Booster.Train(matrix, _options.ToParameters(), _options.Rounds, cancellationToken);
        return new GbmForecaster(panel, builder, booster, Name);
    }
}
