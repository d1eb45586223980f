using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting;

/// <summary>
/// The profile baseline <c>day-kind-median-3d</c>: a target slot gets the median of the readings at the same time of
/// day on the last three days of its kind (weekday or weekend) known at the origin (<see cref="DayKindProfile"/>).
/// It is the road congestion rule's baseline: recurring rush-hour jams are foreseen from the profile alone, and a
/// week of data is enough for it, where <c>historical-median-4w</c> needs four.
/// </summary>
public sealed class DayKindMedianModel : IPersistentForecastModel
{
    /// <summary>The model's name.</summary>
    public const string ModelName = "day-kind-median-3d";

    /// <inheritdoc />
    public string Name => ModelName;

    /// <inheritdoc />
    public string Version => BaselineState.Version;

    /// <inheritdoc />
    public byte[] SaveState(IForecaster forecaster) => BaselineState.Save(this);

    /// <inheritdoc />
    public IForecaster Load(ReadOnlySpan<byte> state, SeriesPanel panel) => BaselineState.Load(this, state, panel);

    /// <inheritdoc />
    public IForecaster Fit(SeriesPanel panel, int trainEnd, CancellationToken cancellationToken = default)
    {
        FitArguments.Validate(panel, trainEnd);
        return new Forecaster(panel.Step);
    }

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
