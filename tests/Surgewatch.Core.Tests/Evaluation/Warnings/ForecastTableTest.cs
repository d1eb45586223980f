using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Tests.Forecasting;

namespace Surgewatch.Core.Tests.Evaluation.Warnings;

public class ForecastTableTest
{
    [Fact]
    public void IssueSlot_LiveAndDayAhead_IsWhenTheForecastWasMade()
    {
        var panel = ForecastTestPanels.Hourly(new double[72]);

        ForecastTable.IssueSlot(panel, 1, 30).Should().Be(30);
        ForecastTable.IssueSlot(panel, 3, 30).Should().Be(28);
        ForecastTable.IssueSlot(panel, 0, 30).Should().Be(24);
    }

    [Fact]
    public void Sweep_LastValue_StoresEveryKindAtItsTarget()
    {
        var values = ForecastTestPanels.Ramp(72);
        var panel = ForecastTestPanels.Hourly(values);
        var forecaster = new LastValueModel().Fit(panel, 48);

        var table = ForecastTable.Sweep(forecaster, panel, 48, 72, new WarningEvaluationOptions(RollingHorizon: 2), null, CancellationToken.None);

        table[1, 0, 50].Should().Be(values[49]);
        table[2, 0, 50].Should().Be(values[48]);
        table[0, 0, 50].Should().Be(values[47], "the day-ahead forecast is made after the previous day's last slot");
        table[1, 0, 47].Should().Be(double.NaN);
    }

    [Fact]
    public void Constructor_WrongNumberOfValues_Throws()
    {
        var act = () => new ForecastTable(2, 3, 0, 10, new double[59]);

        act.Should().Throw<ArgumentException>().WithMessage("*60*");
    }
}
