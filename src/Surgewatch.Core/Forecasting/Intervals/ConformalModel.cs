using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting.Intervals;

/// <summary>
/// Adds split-conformal prediction intervals to any model. Fitting holds out a calibration window at the end of the
/// training window (<see cref="ConformalOptions.CalibrationWindow"/>, at most <see cref="ConformalOptions.MaxCalibrationShare"/>
/// of it), fits the inner model before that window, and measures the residuals of its forecasts of the window per
/// horizon, each divided by the sensor's <see cref="IntervalScale"/> so that quiet and busy sensors (and hours) get
/// proportionate bands. The residual quantiles become the interval offsets. The point model is then refitted on the
/// whole training window (unless <see cref="ConformalOptions.Refit"/> is false), so the point forecasts are unchanged.
/// </summary>
/// <remarks>It persists (<see cref="IPersistentForecastModel"/>) when its inner model does.</remarks>
public sealed class ConformalModel : IPersistentForecastModel
{
    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ConformalModel(IForecastModel inner, ConformalOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
        Options = options ?? new ConformalOptions();
    }

    /// <summary>The point model.</summary>
    public IForecastModel Inner { get; }

    /// <summary>How the intervals are calibrated.</summary>
    public ConformalOptions Options { get; }

    /// <inheritdoc />
    public string Name => Inner.Name;

    /// <inheritdoc />
    public string Version => $"{ConformalState.Tag}+{Persistent.Version}";

    private IPersistentForecastModel Persistent => Inner as IPersistentForecastModel
        ?? throw new NotSupportedException($"Model '{Inner.Name}' cannot be saved: it does not implement {nameof(IPersistentForecastModel)}.");

    /// <inheritdoc />
    public byte[] SaveState(IForecaster forecaster)
    {
        if (forecaster is not ConformalForecaster conformal)
        {
            throw new ArgumentException($"Give the forecaster this model's Fit returned, not a {forecaster?.GetType().Name ?? "null"}.", nameof(forecaster));
        }

        return ConformalState.Save(conformal, Persistent.SaveState(conformal.Inner));
    }

    /// <inheritdoc />
    public IForecaster Load(ReadOnlySpan<byte> state, SeriesPanel panel)
    {
        var (calibration, scale, nonNegative, inner) = ConformalState.Read(state);
        return new ConformalForecaster(Persistent.Load(inner, panel), calibration, scale, nonNegative);
    }

    /// <inheritdoc />
    public IForecaster Fit(SeriesPanel panel, int trainEnd, CancellationToken cancellationToken = default)
    {
        FitArguments.Validate(panel, trainEnd);
        var calibrationStart = CalibrationStart(panel, trainEnd);
        var scale = IntervalScale.Of(panel, calibrationStart);
        var held = Inner.Fit(panel, calibrationStart, cancellationToken);
        var calibration = ConformalCalibrator.Calibrate(panel, held, scale, calibrationStart, trainEnd, Options, cancellationToken);
        var point = Options.Refit ? Inner.Fit(panel, trainEnd, cancellationToken) : held;
        return new ConformalForecaster(point, calibration, scale);
    }

    /// <summary>The first slot of the calibration window that ends at <paramref name="trainEnd"/>.</summary>
    public int CalibrationStart(SeriesPanel panel, int trainEnd)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var window = (int)(Options.CalibrationWindow / panel.Step);
        var share = (int)(trainEnd * Options.MaxCalibrationShare);
        var length = Math.Max(1, Math.Min(window, share));
        return Math.Max(1, trainEnd - length);
    }
}
