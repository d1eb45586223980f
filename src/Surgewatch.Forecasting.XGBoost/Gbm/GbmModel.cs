using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;

namespace Surgewatch.Forecasting.XGBoost.Gbm;

/// <summary>
/// <c>gbm</c>: one global gradient-boosted tree model (XGBoost) over all series, trained on rows of
/// <see cref="FeatureLayout"/> sampled from the training window, predicting each target reading less a base
/// (<see cref="GbmTarget"/>) as a ratio to its series' scale. Horizon is a feature: one booster serves the horizons
/// past the first hour, and first-hour boosters (their mean) the first hour of rolling forecasts.
/// </summary>
public sealed class GbmModel : IPersistentForecastModel
{
    private readonly FeatureContext _context;
    private readonly GbmOptions? _options;

    /// <summary>
    /// Creates the model with <paramref name="context"/> (holidays, events, sensor graph) and <paramref name="options"/>;
    /// without options, each fit takes <see cref="GbmOptions.ForStep"/> of its panel's step.
    /// </summary>
    public GbmModel(FeatureContext? context = null, GbmOptions? options = null)
    {
        _context = context ?? FeatureContext.None;
        _options = options;
    }

    /// <inheritdoc />
    public string Name => "gbm";

    /// <summary>How many times <see cref="Fit"/> has trained boosters, over every instance (tests check that loading a saved model does not fit).</summary>
    public static long FitCount => Interlocked.Read(ref _fitCount);

    private static long _fitCount;

    /// <inheritdoc />
    public string Version => $"{GbmState.Tag} xgboost {Native.XGBoostLibrary.Version}";

    /// <inheritdoc />
    public byte[] SaveState(IForecaster forecaster) => forecaster is GbmForecaster gbm
        ? GbmState.Save(gbm)
        : throw new ArgumentException($"Give the forecaster this model's Fit returned, not a {forecaster?.GetType().Name ?? "null"}.", nameof(forecaster));

    /// <inheritdoc />
    /// <exception cref="XGBoostNotInstalledException">The native XGBoost library is missing.</exception>
    public IForecaster Load(ReadOnlySpan<byte> state, SeriesPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        Native.XGBoostLibrary.EnsureAvailable();
        return GbmState.Load(state, panel, _context, Name);
    }

    /// <inheritdoc />
    /// <exception cref="XGBoostNotInstalledException">The native XGBoost library is missing.</exception>
    public IForecaster Fit(SeriesPanel panel, int trainEnd, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentOutOfRangeException.ThrowIfNegative(trainEnd);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(trainEnd, panel.Length);
        Native.XGBoostLibrary.EnsureAvailable();
        Interlocked.Increment(ref _fitCount);
        var options = _options ?? GbmOptions.ForStep(panel.Step);
        var builder = new FeatureBuilder(panel, SeriesScale.Of(panel, trainEnd, options.OutageRun), _context, options.RecentFeatures, WeekendOnly(panel, trainEnd), options.OutageRun);
        // With a first-hour booster, the main one never serves the first hour: its rows go to the later horizons.
        var perHour = SlotCalendar.StepsPerHour(panel.Step);
        var full = Train(panel, trainEnd, builder, options, cancellationToken, options.ShortHorizonModel ? perHour + 1 : 1);
        var near = options.ShortHorizonModel ? TrainNear(panel, trainEnd, builder, options, cancellationToken) : null;
        return new GbmForecaster(panel, builder, full, near, Name, options.Target, options.ShortHorizonTarget ?? options.Target);
    }

    /// <summary>
    /// The first-hour boosters: each on <see cref="GbmOptions.ShortHorizonRows"/> rows (half as many as the full one
    /// unless set), drawn with its own seed (43, 50, 57, …).
    /// </summary>
    private Booster[] TrainNear(SeriesPanel panel, int trainEnd, FeatureBuilder builder, GbmOptions options, CancellationToken cancellationToken)
    {
        var boosters = new Booster[Math.Max(1, options.ShortHorizonModels)];
        try
        {
            for (var i = 0; i < boosters.Length; i++)
            {
                var shortOptions = options with
                {
                    ShortHorizonShare = 1,
                    MaxTrainingRows = options.ShortHorizonRows ?? (options.MaxTrainingRows / 2),
                    Seed = options.Seed + 1 + (7 * i),
                    Objective = options.ShortHorizonObjective ?? options.Objective,
                    Target = options.ShortHorizonTarget ?? options.Target,
                };
                boosters[i] = Train(panel, trainEnd, builder, shortOptions, cancellationToken);
            }

            return boosters;
        }
        catch
        {
            foreach (var booster in boosters)
            {
                booster?.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// Whether the training window is too short to learn the day of week: under two weeks, each weekday is seen once
    /// at most, and a tree would split the days it has not seen arbitrarily; a weekend flag is learnable from one week.
    /// </summary>
    internal static bool WeekendOnly(SeriesPanel panel, int trainEnd) =>
        trainEnd * panel.Step < TimeSpan.FromDays(14);

    private Booster Train(SeriesPanel panel, int trainEnd, FeatureBuilder builder, GbmOptions options, CancellationToken cancellationToken, int firstHorizon = 1)
    {
        var rows = TrainingSampler.Sample(panel, trainEnd, builder, options, cancellationToken, firstHorizon);
        if (rows.Count == 0)
        {
            throw new InvalidOperationException($"Model '{Name}' found no training rows before slot {trainEnd}: give it a longer training period with readings.");
        }

        using var matrix = DenseMatrix.Create(rows.Features, rows.Columns, rows.Labels, rows.Weights);
        return Booster.Train(matrix, options.ToParameters(), options.Rounds, cancellationToken);
    }
}
