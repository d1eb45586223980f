using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting;

/// <summary>
/// The profile baseline <c>historical-median-{weeks}w</c>: a target slot gets the median of the readings at the
/// same slot of the week over the last <see cref="Weeks"/> weeks known at the origin. For a target up to a
/// week ahead those are the slots 1 … <see cref="Weeks"/> weeks before the target (which are exactly the
/// same-slot-of-week slots of the <see cref="Weeks"/> weeks ending at the origin); further ahead the model
/// starts as many weeks back as it takes to reach a known slot. Missing weeks are skipped, so the median may
/// rest on fewer weeks; an even count takes the mean of the two middle readings. With no reading in any of
/// those weeks the slot gets <see cref="Missing.Value"/>.
/// </summary>
public sealed class HistoricalMedianModel : BaselineModel
{
    /// <summary>The most weeks a model may look back.</summary>
    public const int MaxWeeks = 52;

    /// <summary>Creates the baseline over <paramref name="weeks"/> weeks (1 … <see cref="MaxWeeks"/>).</summary>
    public HistoricalMedianModel(int weeks = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weeks, MaxWeeks);
        Weeks = weeks;
        Name = $"historical-median-{weeks}w";
    }

    /// <summary>The number of weeks the median looks back.</summary>
    public int Weeks { get; }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    protected override IForecaster ForecasterFor(TimeSpan step) => new Forecaster(step, SeasonalLag.Steps(SeasonalPeriod.Week, step), Weeks, Name);

    private sealed class Forecaster(TimeSpan step, int week, int weeks, string name) : IForecaster
    {
        public void Predict(in ForecastOrigin origin, int series, Span<double> point)
        {
            FitArguments.EnsureSameStep(origin, step, name);
            var history = origin.History(series);
            Span<double> found = stackalloc double[weeks];
            for (var h = 1; h <= point.Length; h++)
            {
                var first = SeasonalLag.SeasonsBack(h, week);
                var n = 0;
                for (var back = first; back < first + weeks; back++)
                {
                    var source = origin.Index + h - (back * week);
                    if (source >= 0 && !Missing.Is(history[source]))
                    {
                        found[n++] = history[source];
                    }
                }

                point[h - 1] = n == 0 ? Missing.Value : SlotMedian.Of(found[..n]);
            }
        }
    }
}
