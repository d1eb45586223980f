using Surgewatch.Core.Alerting;
using static Surgewatch.Core.Tests.Alerting.AlertTestData;

namespace Surgewatch.Core.Tests.Alerting;

public class AlertStatusTest
{
    [Theory]
    [InlineData(AlertState.Pending, false, true)]
    [InlineData(AlertState.Firing, false, true)]
    [InlineData(AlertState.Recovering, false, true)]
    [InlineData(AlertState.NoData, true, true)]
    [InlineData(AlertState.NoData, false, false)]
    [InlineData(AlertState.Inactive, false, false)]
    [InlineData(AlertState.Resolved, false, false)]
    public void IsOpen_State_OpenOnlyWhileTheConditionHoldsOrWasFiringBeforeTheGap(AlertState state, bool firingBeforeNoData, bool open)
    {
        var status = AlertStatus.New("density-alarm", "square", T0) with { State = state, FiringBeforeNoData = firingBeforeNoData };

        status.IsOpen.Should().Be(open);
    }
}
