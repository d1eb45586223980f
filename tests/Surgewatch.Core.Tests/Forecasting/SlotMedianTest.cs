using FsCheck;
using FsCheck.Xunit;
using Surgewatch.Core.Forecasting;

namespace Surgewatch.Core.Tests.Forecasting;

public class SlotMedianTest
{
    [Theory]
    [InlineData(new double[] { 5 }, 5)]
    [InlineData(new double[] { 9, 1, 5 }, 5)]
    [InlineData(new double[] { 4, 1, 3, 2 }, 2.5)]
    [InlineData(new double[] { 0, 0, 10, 0 }, 0)]
    public void Of_Values_IsTheMiddleOrTheMeanOfTheTwoMiddles(double[] values, double expected) =>
        SlotMedian.Of(values).Should().Be(expected);

    [Fact]
    public void Of_NoValues_Throws()
    {
        var median = () => SlotMedian.Of([]);

        median.Should().Throw<ArgumentException>();
    }

    [Property]
    public bool Of_AnyOrder_GivesTheSameMedian(NonEmptyArray<int> readings, int seed)
    {
        var values = Array.ConvertAll(readings.Get, v => (double)v);
        var shuffled = (double[])values.Clone();
        new Random(seed).Shuffle(shuffled);

        return SlotMedian.Of(values) == SlotMedian.Of(shuffled);
    }

    [Property]
    public bool Of_AnyValues_LiesBetweenMinimumAndMaximum(NonEmptyArray<int> readings)
    {
        var values = Array.ConvertAll(readings.Get, v => (double)v);
        var (min, max) = (values.Min(), values.Max());

        var median = SlotMedian.Of(values);

        return median >= min && median <= max;
    }
}
