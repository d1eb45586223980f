using Surgewatch.Core.Calendar;
using Surgewatch.Core.Live;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Tests.Live;

public class CounterLevelsTest
{
    private static readonly TimeLabel Slot = TimeLabel.FromDate(new DateOnly(2025, 3, 14)) + TimeSpan.FromHours(18);

    private static CounterSurge Surge(bool warned, TimeLabel? warnedSlot, bool fresh = true) =>
        new(new SensorId("c-1"), 900, Slot, 0.4, warned, warnedSlot, fresh);

    [Fact]
    public void Of_NotWarned_IsOk() =>
        CounterLevels.Of(Surge(false, null)).Should().Be(ZoneLevel.Ok);

    [Fact]
    public void Of_CurrentSlotWarned_IsWarningAsItsAlert() =>
        CounterLevels.Of(Surge(true, Slot)).Should().Be(ZoneLevel.Warning);

    [Fact]
    public void Of_WarnedSlotAhead_IsWarning() =>
        CounterLevels.Of(Surge(true, Slot + TimeSpan.FromHours(2))).Should().Be(ZoneLevel.Warning);

    [Fact]
    public void Of_CounterStoppedReporting_IsNoDataEvenWhenWarned() =>
        CounterLevels.Of(Surge(true, Slot, fresh: false)).Should().Be(ZoneLevel.NoData);
}
