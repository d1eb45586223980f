using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Steps;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Steps;

public class StepInferenceTest
{
    [Fact]
    public void Infer_HourlyWithGapsAndUnsortedRows_IsOneHour()
    {
        var batch = Batch(("a", "2014-01-01T05:00:00"), ("a", "2014-01-01T01:00:00"), ("a", "2014-01-01T02:00:00"), ("b", "2014-01-01T09:00:00"));

        StepInference.Infer(batch).Should().Be(new InferredStep(TimeSpan.FromHours(1), null));
    }

    [Fact]
    public void Infer_SmallestGapOfAnySensor_IsTheStep()
    {
        var batch = Batch(("a", "2014-01-01T00:00:00"), ("a", "2014-01-01T02:00:00"), ("b", "2014-01-01T00:00:00"), ("b", "2014-01-01T00:15:00"));

        StepInference.Infer(batch).Step.Should().Be(TimeSpan.FromMinutes(15));
    }

    [Fact]
    public void Infer_OneLabelPerSensor_CannotTell()
    {
        var result = StepInference.Infer(Batch(("a", "2014-01-01T00:00:00"), ("b", "2014-01-01T00:07:00")));

        result.Should().Be(new InferredStep(null, null));
        result.IsConsistent.Should().BeTrue();
    }

    [Fact]
    public void Infer_GapThatDoesNotDivideADay_SaysSo()
    {
        var result = StepInference.Infer(Batch(("a", "2014-01-01T00:00:00"), ("a", "2014-01-01T00:07:00")));

        result.Problem.Should().Be("the smallest gap between readings, 7 min (sensor 'a' from 2014-01-01T00:00:00 to 2014-01-01T00:07:00), does not divide a day, so the labels fit no regular step");
    }

    [Fact]
    public void Infer_GapsThatAreNotWholeSteps_SaySoNamingTheSensorAndLabels()
    {
        var result = StepInference.Infer(Batch(("a", "2014-01-01T00:00:00"), ("a", "2014-01-01T01:00:00"), ("b", "2014-01-01T00:00:00"), ("b", "2014-01-01T01:30:00")));

        result.IsConsistent.Should().BeFalse();
        result.Problem.Should().Be("readings are 1 h apart (sensor 'a' from 2014-01-01T00:00:00 to 2014-01-01T01:00:00) but 90 min apart for sensor 'b' from 2014-01-01T00:00:00 to 2014-01-01T01:30:00, which is not a whole number of steps; the labels fit no single step");
    }

    [Fact]
    public void Resolve_ConfiguredStepThatTheLabelsFit_IsKept()
    {
        var batch = Batch(("a", "2014-01-01T00:00:00"), ("a", "2014-01-01T02:00:00"));

        StepInference.Resolve(batch, TimeSpan.FromHours(1), "counts.csv").Should().Be(TimeSpan.FromHours(1));
        StepInference.Resolve(batch, null, "counts.csv").Should().Be(TimeSpan.FromHours(2));
    }

    [Fact]
    public void Resolve_TooFewLabels_IsHourly()
    {
        StepInference.Resolve(Batch(("a", "2014-01-01T00:00:00")), null, "counts.csv").Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Resolve_InconsistentLabels_RejectsTheSource()
    {
        var batch = Batch(("a", "2014-01-01T00:00:00"), ("a", "2014-01-01T00:07:00"));

        var e = Rejection.Of(() => StepInference.Resolve(batch, null, "counts.csv"));

        e.Lines().Single().Should().StartWith("counts.csv, field 'timestamp': the smallest gap between readings, 7 min");
    }

    [Theory]
    [InlineData(3600, "1 h")]
    [InlineData(300, "5 min")]
    [InlineData(45, "45 s")]
    public void Describe_Seconds_ReadsNaturally(long seconds, string expected) => StepInference.Describe(seconds).Should().Be(expected);

    private static ObservationBatch Batch(params (string Sensor, string Time)[] rows)
    {
        var batch = new ObservationBatch();
        foreach (var (sensor, time) in rows)
        {
            TimeLabelParser.TryParse(time, TimeZoneInfo.Utc, out var label, out _).Should().BeTrue();
            batch.Add(new Observation(new SensorId(sensor), label, 1));
        }

        return batch;
    }
}
