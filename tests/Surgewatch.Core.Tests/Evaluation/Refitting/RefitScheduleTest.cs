using Surgewatch.Core.Evaluation.Refitting;
using static Surgewatch.Core.Tests.Forecasting.ForecastTestPanels;

namespace Surgewatch.Core.Tests.Evaluation.Refitting;

public class RefitScheduleTest
{
    [Fact]
    public void Every_IntervalNotDividingTheWindow_HasAPointPerStartedInterval()
    {
        var schedule = RefitSchedule.Every(100, 350, 100);

        schedule.Points.Should().Equal(100, 200, 300);
        schedule.Count.Should().Be(3);
        schedule.IntervalSlots.Should().Be(100);
    }

    [Fact]
    public void SegmentOf_IssueSlots_IsTheLatestPointAtOrBeforeTheIssueAndZeroBeforeTheTest()
    {
        var schedule = RefitSchedule.Every(100, 350, 100);

        new[] { 0, 99, 100, 199, 200, 299, 300, 349, 400 }.Select(schedule.SegmentOf).Should().Equal(0, 0, 0, 0, 1, 1, 2, 2, 2);
    }

    [Fact]
    public void IssueRange_EverySegment_TilesAllIssueSlotsWithoutOverlap()
    {
        var schedule = RefitSchedule.Every(100, 350, 100);

        Enumerable.Range(0, 3).Select(schedule.IssueRange).Should().Equal((int.MinValue, 200), (200, 300), (300, int.MaxValue));
    }

    [Fact]
    public void Once_AnyIssueSlot_IsSegmentZero()
    {
        var schedule = RefitSchedule.Once(100);

        schedule.Points.Should().Equal(100);
        schedule.IntervalSlots.Should().BeNull();
        schedule.SegmentOf(10_000).Should().Be(0);
        schedule.IssueRange(0).Should().Be((int.MinValue, int.MaxValue));
    }

    [Fact]
    public void For_NoInterval_IsOnce()
    {
        RefitSchedule.For(Hourly(Ramp(48)), 24, 48, null).Points.Should().Equal(24);
    }

    [Fact]
    public void For_SevenDaysOnHourlyData_RefitsEvery168Slots()
    {
        var schedule = RefitSchedule.For(Hourly(Ramp(1000)), 100, 1000, TimeSpan.FromDays(7));

        schedule.Points.Should().Equal(100, 268, 436, 604, 772, 940);
    }

    [Theory]
    [InlineData(90)]
    [InlineData(0)]
    [InlineData(-60)]
    public void SlotsOf_NotAWholePositiveNumberOfSteps_ThrowsNamingTheStep(int minutes)
    {
        var act = () => RefitSchedule.SlotsOf(TimeSpan.FromMinutes(minutes), TimeSpan.FromHours(1));

        act.Should().Throw<ArgumentException>().WithMessage("*01:00:00 steps*");
    }

    [Fact]
    public void Every_EmptyWindow_Throws()
    {
        var act = () => RefitSchedule.Every(100, 100, 24);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
