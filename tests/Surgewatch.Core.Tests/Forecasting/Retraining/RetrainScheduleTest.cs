using Surgewatch.Core.Forecasting.Retraining;

namespace Surgewatch.Core.Tests.Forecasting.Retraining;

public class RetrainScheduleTest
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public void IsDue_NeverTrained_IsDueNow()
    {
        RetrainSchedule.IsDue(RetrainPolicy.Every(TimeSpan.FromHours(24)), null, T0).Should().BeTrue();
        RetrainSchedule.IsDue(RetrainPolicy.DailyAt(3), null, T0).Should().BeTrue();
    }

    [Fact]
    public void IsDue_IntervalAsTimePasses_DueExactlyOneIntervalAfterTheLastTraining()
    {
        var policy = RetrainPolicy.Every(TimeSpan.FromHours(24));
        var clock = new ManualClock(T0);
        DateTimeOffset? last = null;
        var trainings = new List<DateTimeOffset>();

        // Three days pass in ten-minute ticks; train whenever the schedule says so.
        for (var i = 0; i < 3 * 24 * 6; i++, clock.Advance(TimeSpan.FromMinutes(10)))
        {
            if (RetrainSchedule.IsDue(policy, last, clock.Now))
            {
                trainings.Add(clock.Now);
                last = clock.Now;
            }
        }

        trainings.Should().Equal(T0, T0.AddDays(1), T0.AddDays(2));
    }

    [Fact]
    public void IsDue_DailyAtHourAsTimePasses_TrainsOnceADayAtThatHour()
    {
        var policy = RetrainPolicy.DailyAt(3);
        var clock = new ManualClock(T0);
        DateTimeOffset? last = null;
        var trainings = new List<DateTimeOffset>();

        for (var i = 0; i < 3 * 24 * 4; i++, clock.Advance(TimeSpan.FromMinutes(15)))
        {
            if (RetrainSchedule.IsDue(policy, last, clock.Now))
            {
                trainings.Add(clock.Now);
                last = clock.Now;
            }
        }

        var day = new DateTimeOffset(2025, 6, 2, 3, 0, 0, TimeSpan.Zero);
        trainings.Should().Equal(T0, day, day.AddDays(1), day.AddDays(2));
    }

    [Fact]
    public void NextDue_DailyTrainedBeforeTheHour_IsThatSameDay()
    {
        var last = new DateTimeOffset(2025, 6, 1, 1, 0, 0, TimeSpan.Zero);

        RetrainSchedule.NextDue(RetrainPolicy.DailyAt(3), last, last).Should().Be(new DateTimeOffset(2025, 6, 1, 3, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("24h", 24 * 60)]
    [InlineData("90m", 90)]
    [InlineData("7d", 7 * 24 * 60)]
    public void Parse_Interval_ReadsTheInterval(string text, int minutes)
    {
        RetrainPolicy.Parse(text).Interval.Should().Be(TimeSpan.FromMinutes(minutes));
    }

    [Fact]
    public void Parse_Daily_ReadsTheHour()
    {
        RetrainPolicy.Parse("daily@03").DailyAtHour.Should().Be(3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("24")]
    [InlineData("0h")]
    [InlineData("daily@24")]
    [InlineData("weekly")]
    public void Parse_Invalid_ThrowsSayingWhatIsAccepted(string text)
    {
        var act = () => RetrainPolicy.Parse(text);

        act.Should().Throw<FormatException>().WithMessage("*24h*daily@*");
    }

    private sealed class ManualClock(DateTimeOffset start)
    {
        public DateTimeOffset Now { get; private set; } = start;

        public void Advance(TimeSpan by) => Now += by;
    }
}
