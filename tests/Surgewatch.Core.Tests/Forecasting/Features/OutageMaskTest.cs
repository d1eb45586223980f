using Surgewatch.Core.Forecasting.Features;

namespace Surgewatch.Core.Tests.Forecasting.Features;

public class OutageMaskTest
{
    private const double NaN = double.NaN;

    [Fact]
    public void Of_RunOfAtLeastMinZeros_FlagsTheWholeRun()
    {
        double[] values = [5, 0, 0, 0, 7, 0, 0, 0, 0];

        OutageMask.Of(values, 3).Should().Equal(false, true, true, true, false, true, true, true, true);
    }

    [Fact]
    public void Of_ShorterRunOrRunCutByAGap_IsNotFlagged()
    {
        double[] values = [0, 0, 4, 0, NaN, 0, 0, 9];

        OutageMask.Of(values, 3).Should().OnlyContain(flag => !flag);
    }

    [Fact]
    public void RunEnds_FlaggedRuns_PointAtTheirLastSlot()
    {
        OutageMask.RunEnds([false, true, true, false, true]).Should().Equal(-1, 2, 2, -1, 4);
    }

    [Fact]
    public void Cleaned_FlaggedSlots_BecomeMissing()
    {
        double[] values = [1, 0, 0, 2];

        var clean = OutageMask.Cleaned(values, [false, true, true, false]);

        clean[0].Should().Be(1);
        double.IsNaN(clean[1]).Should().BeTrue();
        double.IsNaN(clean[2]).Should().BeTrue();
        clean[3].Should().Be(2);
        values[1].Should().Be(0, "the input is not changed");
    }
}
