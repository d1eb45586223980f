using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting;

/// <summary>
/// The profile baseline <c>day-kind-median-3d</c>: a target slot gets the median of the readings at the same time of
/// day on the last three days of its kind (weekday or weekend) known at the origin (<see cref="DayKindProfile"/>).
/// It is the road congestion rule's baseline: recurring rush-hour jams are foreseen from the profile alone, and a
/// week of data is enough for it, where <c>historical-median-4w</c> needs four.
/// </summary>
public sealed class DayKindMedianModel : BaselineModel
{
    /// <summary>The model's name.</summary>
    public const string ModelName = "day-kind-median-3d";

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
            for (var h = 1; h <= point.Length; h++)
            {
                point[h - 1] = DayKindProfile.At(history, origin.Panel.Start, step, origin.Index + h);
            }
        }
    }
}
