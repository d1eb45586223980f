using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Tests.Series;

public sealed class ForecastGridTest
{
    private static readonly TimeLabel Start = TimeLabel.FromDate(new DateOnly(2025, 3, 3));
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);
    private static readonly SensorId Counter = new("gate");
    private static readonly SensorId Present = new("hall");

    [Theory]
    [InlineData(1, 15)]
    [InlineData(4, 15)]
    [InlineData(5, 5)]
    [InlineData(60, 60)]
    public void StepFor_SensorStep_MinuteCountersOnQuarterHours(int sensorMinutes, int expectedMinutes) =>
        ForecastGrid.StepFor(TimeSpan.FromMinutes(sensorMinutes)).Should().Be(TimeSpan.FromMinutes(expectedMinutes));

    [Fact]
    public void AggregationOf_Kinds_CountsSumLevelsAverage()
    {
        ForecastGrid.AggregationOf(SensorKind.PedestrianCount).Should().Be(SlotAggregation.Sum);
        ForecastGrid.AggregationOf(SensorKind.RoadFlow).Should().Be(SlotAggregation.Sum);
        ForecastGrid.AggregationOf(SensorKind.Occupancy).Should().Be(SlotAggregation.Mean);
        ForecastGrid.AggregationOf(SensorKind.DeviceCount).Should().Be(SlotAggregation.Mean);
        ForecastGrid.AggregationOf(SensorKind.RoadSpeed).Should().Be(SlotAggregation.Mean);
    }

    [Fact]
    public void Aggregate_MinuteReadings_CountsAreQuarterTotalsAndLevelsQuarterMeans()
    {
        var batch = new ObservationBatch(64);
        for (var m = 0; m < 30; m++)
        {
            batch.Add(batch.InternSensor(Counter), Start + (Minute * m), m < 15 ? 2 : 3);
            batch.Add(batch.InternSensor(Present), Start + (Minute * m), m);
        }

        var panel = ForecastGrid.Aggregate(batch, Minute, Quarter, Kinds);

        panel.Step.Should().Be(Quarter);
        panel.Start.Should().Be(Start);
        panel.Length.Should().Be(2);
        panel.Values(panel.IndexOf(Counter)).ToArray().Should().Equal(30, 45);
        panel.Values(panel.IndexOf(Present)).ToArray().Should().Equal(7, 22);
    }

    [Fact]
    public void Aggregate_SomeMinutesMissing_CountScaledUpAndUnderHalfMissing()
    {
        var batch = new ObservationBatch(64);
        for (var m = 0; m < 10; m++)
        {
            batch.Add(batch.InternSensor(Counter), Start + (Minute * m), 3);
        }

        for (var m = 15; m < 21; m++)
        {
            batch.Add(batch.InternSensor(Counter), Start + (Minute * m), 3);
        }

        var panel = ForecastGrid.Aggregate(batch, Minute, Quarter, Kinds);

        panel.Values(0)[0].Should().Be(45, "ten of fifteen minutes at 3 a minute is a quarter-hour of 45, not 30");
        Missing.Is(panel.Values(0)[1]).Should().BeTrue("six of fifteen minutes is too little to tell the quarter's total");
    }

    [Fact]
    public void Aggregate_GivenWindow_LaysThatWindowOnlyWithEmptySlotsMissing()
    {
        var batch = new ObservationBatch(8);
        batch.Add(batch.InternSensor(Present), Start + TimeSpan.FromMinutes(20), 10);
        batch.Add(batch.InternSensor(Present), Start + TimeSpan.FromMinutes(50), 99);

        var panel = ForecastGrid.Aggregate(batch, Minute, Quarter, Kinds, Start, 3);

        panel.Length.Should().Be(3);
        Missing.Is(panel.Values(0)[0]).Should().BeTrue();
        panel.Values(0)[1].Should().Be(10);
        Missing.Is(panel.Values(0)[2]).Should().BeTrue("the reading at 00:50 lies past the window");
    }

    [Fact]
    public void Aggregate_SameStep_IsTheBatchOnItsGrid()
    {
        var batch = new ObservationBatch(8);
        batch.Add(batch.InternSensor(Counter), Start, 4);
        batch.Add(batch.InternSensor(Counter), Start + Quarter, 6);

        var panel = ForecastGrid.Aggregate(batch, Quarter, Quarter, Kinds);

        panel.Values(0).ToArray().Should().Equal(SeriesPanel.FromBatch(batch, Quarter).Values(0).ToArray());
    }

    [Fact]
    public void Aggregate_StepNotAMultiple_Throws()
    {
        var act = () => ForecastGrid.Aggregate(new ObservationBatch(1), TimeSpan.FromMinutes(7), Quarter, Kinds);

        act.Should().Throw<ArgumentException>().WithMessage("*not a whole multiple*");
    }

    private static SlotAggregation Kinds(SensorId id) => id == Counter ? SlotAggregation.Sum : SlotAggregation.Mean;
}
