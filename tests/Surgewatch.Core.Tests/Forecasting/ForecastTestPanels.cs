using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Tests.Forecasting;

/// <summary>Small hand-built panels for forecasting and backtest tests.</summary>
internal static class ForecastTestPanels
{
    /// <summary>2024-01-01, a Monday at midnight.</summary>
    public static readonly TimeLabel Monday = TimeLabel.FromDate(new DateOnly(2024, 1, 1));

    /// <summary>Shorthand for <see cref="Missing.Value"/>.</summary>
    public const double NaN = Missing.Value;

    /// <summary>An hourly panel from <see cref="Monday"/>, one sensor per array.</summary>
    public static SeriesPanel Hourly(params double[][] series) => Of(Sensor.Hourly, series);

    /// <summary>A panel of <paramref name="step"/> from <see cref="Monday"/>, one sensor per array (copied).</summary>
    public static SeriesPanel Of(TimeSpan step, params double[][] series)
    {
        var ids = new SensorId[series.Length];
        var values = new double[series.Length][];
        for (var s = 0; s < series.Length; s++)
        {
            ids[s] = new SensorId($"s{s}");
            values[s] = (double[])series[s].Clone();
        }

        return new SeriesPanel(Monday, step, ids, values);
    }

    /// <summary>0, 1, 2, … <paramref name="length"/> − 1: every slot holds its own index.</summary>
    public static double[] Ramp(int length)
    {
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = i;
        }

        return values;
    }

    /// <summary>A deterministic pseudo-random series of whole numbers in [0, 1000), with about one slot in ten missing.</summary>
    public static double[] Noisy(int length, int seed)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = random.Next(10) == 0 ? NaN : random.Next(1000);
        }

        return values;
    }

    /// <summary>Fits <paramref name="model"/> on the whole panel and forecasts <paramref name="horizon"/> steps of series 0 from slot <paramref name="origin"/>.</summary>
    public static double[] Forecast(IForecastModel model, SeriesPanel panel, int origin, int horizon, int series = 0)
    {
        var point = new double[horizon];
        model.Fit(panel, origin + 1).Predict(new ForecastOrigin(panel, origin), series, point);
        return point;
    }
}
