using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting;

/// <summary>
/// A baseline model: it learns nothing from its training window, so fitting only checks the arguments and binds a
/// forecaster to the grid's step, and its saved state is its name (its parameters are part of the name).
/// </summary>
public abstract class BaselineModel : IPersistentForecastModel
{
    /// <inheritdoc />
    public abstract string Name { get; }

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
        return ForecasterFor(panel.Step);
    }

    /// <summary>The baseline's forecaster on a grid of <paramref name="step"/>.</summary>
    protected abstract IForecaster ForecasterFor(TimeSpan step);
}
