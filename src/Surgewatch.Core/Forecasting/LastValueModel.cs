using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting;

/// <summary>
/// The persistence baseline <c>last-value</c>: every step ahead gets the last reading present at or before the
/// origin, however old it is. A series with no reading at all up to the origin gets <see cref="Missing.Value"/>.
/// </summary>
public sealed class LastValueModel : BaselineModel
{
    /// <summary>The model's name on the command line and in reports.</summary>
    public const string ModelName = "last-value";

    /// <inheritdoc />
    public override string Name => ModelName;

    /// <inheritdoc />
    protected override IForecaster ForecasterFor(TimeSpan step) => new Forecaster(step);

    private sealed class Forecaster(TimeSpan step) : IForecaster
    {
        public void Predict(in ForecastOrigin origin, int series, Span<double> point)
        {
            FitArguments.EnsureSameStep(origin, step, ModelName);
            var history = origin.History(series);
            var last = Missing.Value;
            for (var i = history.Length - 1; i >= 0; i--)
            {
                if (!Missing.Is(history[i]))
                {
                    last = history[i];
                    break;
                }
            }

            point.Fill(last);
        }
    }
}
