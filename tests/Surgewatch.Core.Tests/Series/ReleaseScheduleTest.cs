using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Tests.Series;

public class ReleaseScheduleTest
{
    private static readonly TimeLabel Three = TimeLabel.FromDateTime(new DateTime(2014, 3, 1, 15, 0, 0));

    [Fact]
    public void ReleasedAt_HourlyCount_IsTheEndOfItsHour()
    {
        ReleaseSchedule.ReleasedAt(Three, Sensor.Hourly).Should().Be(Three + TimeSpan.FromHours(1));
    }

    [Fact]
    public void DueUntil_TenMinutesBeforeTheHourEnds_HoldsTheHourBack()
    {
        var schedule = ReleaseSchedule.Of(Batch(("a", Three - TimeSpan.FromHours(1)), ("a", Three)), _ => Sensor.Hourly);

        var due = schedule.DueUntil(0, Three + TimeSpan.FromMinutes(50));

        due.Should().Be(1, "at 15:50 only the 14:00–15:00 count has ended; the 15:00 count is sent at 16:00");
        schedule.DueUntil(due, Three + TimeSpan.FromHours(1)).Should().Be(2);
    }

    [Fact]
    public void Of_SensorsWithDifferentSteps_OrdersByTheEndOfEachOwnInterval()
    {
        // The hourly 15:00 count ends at 16:00, after the five-minute 15:50 reading (ends 15:55).
        var batch = Batch(("hourly", Three), ("fast", Three + TimeSpan.FromMinutes(50)), ("fast", Three + TimeSpan.FromMinutes(55)));

        var schedule = ReleaseSchedule.Of(batch, id => id.Value == "hourly" ? Sensor.Hourly : Sensor.FiveMinutes);

        schedule.Order.ToArray().Should().Equal(1, 0, 2);
        schedule.ReleaseOf(0).Should().Be(Three + TimeSpan.FromMinutes(55));
        schedule.DueUntil(0, Three + TimeSpan.FromMinutes(59)).Should().Be(1);
    }

    [Fact]
    public void Of_RowsReleasedTogether_KeepLabelOrder()
    {
        var batch = Batch(("b", Three + TimeSpan.FromMinutes(55)), ("a", Three));

        var schedule = ReleaseSchedule.Of(batch, id => id.Value == "a" ? Sensor.Hourly : Sensor.FiveMinutes);

        schedule.Order.ToArray().Should().Equal(1, 0);
    }

    [Fact]
    public void Of_NonPositiveStep_Throws()
    {
        var act = () => ReleaseSchedule.Of(Batch(("a", Three)), _ => TimeSpan.Zero);

        act.Should().Throw<ArgumentException>().WithMessage("*'a'*positive*");
    }

    [Fact]
    public void DueUntil_EmptyBatch_IsZero()
    {
        ReleaseSchedule.Of(new ObservationBatch(), _ => Sensor.Hourly).DueUntil(0, Three).Should().Be(0);
    }

    private static ObservationBatch Batch(params (string Sensor, TimeLabel At)[] rows)
    {
        var batch = new ObservationBatch();
        foreach (var (sensor, at) in rows)
        {
            batch.Add(batch.InternSensor(new SensorId(sensor)), at, 1);
        }

        return batch;
    }
}
