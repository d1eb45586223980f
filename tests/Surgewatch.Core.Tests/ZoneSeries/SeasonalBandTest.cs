using FsCheck.Xunit;
using Surgewatch.Core.ZoneSeries;

namespace Surgewatch.Core.Tests.ZoneSeries;

public sealed class SeasonalBandTest
{
    [Fact]
    public void Forecast_RepeatingDays_MeanFollowsYesterday()
    {
        var history = Enumerable.Range(0, 3 * 24).Select(i => (double)(i % 24)).ToArray();

        var bands = SeasonalBand.Forecast(history, 24, 6);

        bands.Select(b => b.Mean).Should().Equal(0, 1, 2, 3, 4, 5);
    }

    [Fact]
    public void Forecast_NoObservation_AllMissing()
    {
        var bands = SeasonalBand.Forecast([double.NaN, double.NaN], 24, 3);

        bands.Should().OnlyContain(b => double.IsNaN(b.Mean));
    }

    [Property(MaxTest = 200)]
    public bool Forecast_AnyHistory_BandsNestedAroundMeanAndNotNegative(byte[] raw, byte horizon)
    {
        var history = raw.Select(v => v == 255 ? double.NaN : v / 10.0).ToArray();

        var bands = SeasonalBand.Forecast(history, 12, 1 + (horizon % 30));

        return bands.All(b => double.IsNaN(b.Mean)
            || (b.Lo95 >= 0 && b.Lo95 <= b.Lo80 && b.Lo80 <= b.Mean && b.Mean <= b.Hi80 && b.Hi80 <= b.Hi95));
    }
}
