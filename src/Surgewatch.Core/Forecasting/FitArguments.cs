using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting;

/// <summary>Checks shared by every model's <see cref="IForecastModel.Fit"/> and every forecaster's step guard.</summary>
internal static class FitArguments
{
    /// <summary>Throws when <paramref name="panel"/> is null or <paramref name="trainEnd"/> lies outside [0, panel.Length].</summary>
    public static void Validate(SeriesPanel panel, int trainEnd)
    {
        ArgumentNullException.ThrowIfNull(panel);
        if (trainEnd < 0 || trainEnd > panel.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(trainEnd), trainEnd, $"The training end must lie in [0, {panel.Length}], the panel's slots.");
        }
    }

    /// <summary>Throws when a forecaster fitted on one step is asked to forecast a panel of another step.</summary>
    public static void EnsureSameStep(in ForecastOrigin origin, TimeSpan fittedStep, string model)
    {
        if (origin.Panel.Step != fittedStep)
        {
            throw new InvalidOperationException(
                $"Model '{model}' was fitted on a {fittedStep} grid but asked to forecast a {origin.Panel.Step} grid; fit it again on the new panel.");
        }
    }
}
