using Surgewatch.Core.Calendar;

namespace Surgewatch.Core.Tests.Calendar;

public class SlotCalendarTest
{
    [Theory]
    [InlineData(60, 60)]
    [InlineData(300, 12)]
    [InlineData(900, 4)]
    [InlineData(3600, 1)]
    [InlineData(86_400, 1)]
    public void StepsPerHour_Step_CountsTheStepsOfAnHourAndAtLeastOne(int stepSeconds, int expected)
    {
        SlotCalendar.StepsPerHour(TimeSpan.FromSeconds(stepSeconds)).Should().Be(expected);
    }

    [Fact]
    public void StepsPerDay_FiveMinutes_Is288()
    {
        SlotCalendar.StepsPerDay(TimeSpan.FromMinutes(5)).Should().Be(288);
    }
}
