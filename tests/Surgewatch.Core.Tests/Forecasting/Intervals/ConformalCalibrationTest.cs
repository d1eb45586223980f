using Surgewatch.Core.Forecasting.Intervals;

namespace Surgewatch.Core.Tests.Forecasting.Intervals;

public class ConformalCalibrationTest
{
    private static readonly double[] Levels = [0.8, 0.95];

    [Fact]
    public void FromResiduals_999Values_TakesTheConformalRanksFromEachEnd()
    {
        var residuals = Cells(1, b => b == 5 ? Range(1, 999) : []);

        var calibration = ConformalCalibration.FromResiduals(Levels, residuals);

        // (n + 1) × 0.1 = 100: the 100th smallest and the 100th largest; (n + 1) × 0.025 = 25 for 95 %.
        calibration.Offset(0, upper: false, 1, 5).Should().Be(100);
        calibration.Offset(0, upper: true, 1, 5).Should().Be(900);
        calibration.Offset(1, upper: false, 1, 5).Should().Be(25);
        calibration.Offset(1, upper: true, 1, 5).Should().Be(975);
    }

    [Fact]
    public void FromResiduals_SparseHour_UsesTheHorizonsPooledQuantiles()
    {
        var residuals = Cells(1, b => b switch { 0 => Range(1, 500), 1 => Range(501, 999), 2 => [5000f], _ => [] });

        var calibration = ConformalCalibration.FromResiduals(Levels, residuals);

        calibration.Offset(0, upper: true, 1, 2).Should().Be(901, "one residual is too few for an hour of its own");
        calibration.Offset(0, upper: true, 1, 0).Should().Be(451, "500 residuals make a cell of their own");
    }

    [Fact]
    public void FromResiduals_NotByHour_EveryCellUsesThePooledQuantiles()
    {
        var residuals = Cells(1, b => b == 0 ? Range(1, 500) : b == 1 ? Range(501, 999) : []);

        var calibration = ConformalCalibration.FromResiduals(Levels, residuals, byHour: false);

        calibration.Offset(0, upper: true, 1, 0).Should().Be(900);
        calibration.Offset(0, upper: true, 1, 23).Should().Be(900);
    }

    [Fact]
    public void Offset_PastTheLastHorizon_UsesTheLastHorizon()
    {
        var residuals = Cells(2, b => Range(1, 199));
        for (var b = 0; b < ConformalCalibration.HourBuckets; b++)
        {
            residuals[ConformalCalibration.HourBuckets + b] = Range(1001, 1199);
        }

        var calibration = ConformalCalibration.FromResiduals(Levels, residuals);

        calibration.Offset(0, upper: true, 7, 3).Should().Be(calibration.Offset(0, upper: true, 2, 3)).And.BeGreaterThan(1000);
    }

    [Fact]
    public void Constructor_StoredOffsets_RoundTrip()
    {
        var calibration = ConformalCalibration.FromResiduals(Levels, Cells(3, b => Range(b, b + 300)));

        var copy = new ConformalCalibration(calibration.Levels, calibration.Horizons, calibration.Offsets.ToArray());

        copy.Offset(1, upper: false, 2, 17).Should().Be(calibration.Offset(1, upper: false, 2, 17));
    }

    [Fact]
    public void Constructor_WrongOffsetCount_ThrowsNamingTheCount()
    {
        var act = () => new ConformalCalibration(Levels, 2, new double[3]);

        act.Should().Throw<ArgumentException>().WithMessage("*need 192 offsets, not 3*");
    }

    private static List<float>[] Cells(int horizons, Func<int, List<float>> byHour)
    {
        var cells = new List<float>[horizons * ConformalCalibration.HourBuckets];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = byHour(i % ConformalCalibration.HourBuckets);
        }

        return cells;
    }

    private static List<float> Range(int from, int to)
    {
        var values = new List<float>();
        for (var v = to; v >= from; v--)
        {
            values.Add(v);
        }

        return values;
    }
}
