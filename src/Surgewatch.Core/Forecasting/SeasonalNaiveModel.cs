using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting;

/// <summary>
/// The seasonal persistence baselines <c>seasonal-naive-day</c> and <c>seasonal-naive-week</c>: a target slot
/// gets the reading one season (a day or a week) before it. When a target lies more than one season past
/// the origin, the model steps back as many whole seasons as needed to reach a known slot. A missing
/// reading there gives <see cref="Missing.Value"/>; the model does not look further back.
/// </summary>
public sealed class SeasonalNaiveModel : BaselineModel
{
    /// <summary>Creates the baseline of <paramref name="period"/>.</summary>
    public SeasonalNaiveModel(SeasonalPeriod period)
    {
        Period = period;
        Name = period switch
        {
            SeasonalPeriod.Day => "seasonal-naive-day",
            SeasonalPeriod.Week => "seasonal-naive-week",
            _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Use Day or Week."),
        };
    }

    /// <summary>The season.</summary>
    public SeasonalPeriod Period { get; }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    protected override IForecaster ForecasterFor(TimeSpan step) => new Forecaster(step, SeasonalLag.Steps(Period, step), Name);

    private sealed class Forecaster(TimeSpan step, int season, string name) : IForecaster
    {
        public void Predict(in ForecastOrigin origin, int series, Span<double> point)
        {
            FitArguments.EnsureSameStep(origin, step, name);
            var history = origin.History(series);
            var t = origin.Index;
            for (var h = 1; h <= point.Length; h++)
            {
                var source = t + h - (SeasonalLag.SeasonsBack(h, season) * season);
                point[h - 1] = source >= 0 ? history[source] : Missing.Value;
            }
        }
    }
}
