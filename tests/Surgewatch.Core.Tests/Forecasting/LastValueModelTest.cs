using Surgewatch.Core.Forecasting;
using static Surgewatch.Core.Tests.Forecasting.ForecastTestPanels;

namespace Surgewatch.Core.Tests.Forecasting;

public class LastValueModelTest
{
    private readonly LastValueModel _model = new();

    [Fact]
    public void Name_Always_IsLastValue() => _model.Name.Should().Be("last-value");

    [Fact]
    public void Predict_OriginPresent_RepeatsItAtEveryHorizon()
    {
        var panel = Hourly([3, 5, 7, 11]);

        Forecast(_model, panel, origin: 2, horizon: 3).Should().Equal(7, 7, 7);
    }

    [Fact]
    public void Predict_TrailingGap_UsesLastPresentReading()
    {
        var panel = Hourly([3, 5, NaN, NaN, 9]);

        Forecast(_model, panel, origin: 3, horizon: 2).Should().Equal(5, 5);
    }

    [Fact]
    public void Predict_ZeroReading_IsAValueNotAGap()
    {
        var panel = Hourly([3, 0, NaN]);

        Forecast(_model, panel, origin: 2, horizon: 1).Should().Equal(0);
    }

    [Fact]
    public void Predict_NoReadingUpToOrigin_IsMissing()
    {
        var panel = Hourly([NaN, NaN, 4]);

        Forecast(_model, panel, origin: 1, horizon: 2).Should().OnlyContain(v => double.IsNaN(v));
    }
}
