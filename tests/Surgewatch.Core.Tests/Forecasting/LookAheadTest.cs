using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using static Surgewatch.Core.Tests.Forecasting.ForecastTestPanels;

namespace Surgewatch.Core.Tests.Forecasting;

/// <summary>No forecast may depend on a reading after its origin.</summary>
public class LookAheadTest
{
    public static TheoryData<string> ModelNames => [.. ForecastModelCatalog.Default.Names];

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Predict_FutureReadingsChanged_GivesTheSameForecast(string name)
    {
        var model = ForecastModelCatalog.Default.Get(name);
        var past = Noisy(6 * 168, seed: 1);
        foreach (var origin in new[] { 0, 23, 500, 700, (6 * 168) - 2 })
        {
            var altered = (double[])past.Clone();
            for (var i = origin + 1; i < altered.Length; i++)
            {
                altered[i] = double.IsNaN(altered[i]) ? 12345 : NaN;
            }

            var horizon = 200;
            Forecast(model, Hourly(altered), origin, horizon).Should().Equal(Forecast(model, Hourly(past), origin, horizon), $"origin {origin}");
        }
    }

    [Fact]
    public void History_ReadPastTheOrigin_Throws()
    {
        var origin = new ForecastOrigin(Hourly(Ramp(10)), 4);

        var peek = () => origin.History(0)[origin.Index + 1];

        peek.Should().Throw<IndexOutOfRangeException>();
    }

    [Fact]
    public void History_AtOrigin_EndsWithTheOriginSlot()
    {
        var origin = new ForecastOrigin(Hourly(Ramp(10)), 4);

        origin.History(0).ToArray().Should().Equal(0, 1, 2, 3, 4);
    }

    /// <summary>A model that tries to read the slot after its origin.</summary>
    internal sealed class PeekingModel : IForecastModel, IForecaster
    {
        public string Name => "peeking";

        public IForecaster Fit(SeriesPanel panel, int trainEnd, CancellationToken cancellationToken = default) => this;

        public void Predict(in ForecastOrigin origin, int series, Span<double> point) =>
            point.Fill(origin.History(series)[origin.Index + 1]);
    }
}
