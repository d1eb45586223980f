using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting.Persistence;

/// <summary>A model whose fitted forecaster can be written as bytes and read back onto another panel without fitting.</summary>
public interface IPersistentForecastModel : IForecastModel
{
    /// <summary>The format and learner version stored with the state; <see cref="Load"/> refuses another format.</summary>
    string Version { get; }

    /// <summary>The fitted state of <paramref name="forecaster"/>, which this model's <see cref="IForecastModel.Fit"/> returned.</summary>
    byte[] SaveState(IForecaster forecaster);

    /// <summary>
    /// A forecaster for <paramref name="panel"/> (fresh data on the same step, sensors matched by id) from a state written by
    /// <see cref="SaveState"/>; it does not fit. Throws <see cref="ModelStateException"/> when the state is not this model's.
    /// </summary>
    IForecaster Load(ReadOnlySpan<byte> state, SeriesPanel panel);
}
