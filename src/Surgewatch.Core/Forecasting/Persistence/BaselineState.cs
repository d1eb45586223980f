using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting.Persistence;

/// <summary>
/// The state of a baseline: only its name, since a baseline learns nothing from its training window (its parameters,
/// such as the season or the number of weeks, are part of the name). Loading builds the forecaster for the new panel.
/// </summary>
internal static class BaselineState
{
    public const string Version = "baseline/1";

    public static byte[] Save(IForecastModel model) => StateFormat.Write(w => w.Write(model.Name));

    public static IForecaster Load(IForecastModel model, ReadOnlySpan<byte> state, SeriesPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        StateFormat.Read(state, r =>
        {
            StateFormat.Expect(r, model.Name);
            return 0;
        });

        // A baseline's Fit reads no readings (trainEnd 0 gives it none): it only binds the forecaster to the grid's step.
        return model.Fit(panel, 0);
    }
}
