using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Tests.Zones;

public class ZoneLevelsTest
{
    [Theory]
    [InlineData(ZoneMeasure.Density, Severity.Warning, 2)]
    [InlineData(ZoneMeasure.Density, Severity.Alarm, 4)]
    [InlineData(ZoneMeasure.Density, Severity.Critical, 5)]
    [InlineData(ZoneMeasure.Flow, Severity.Warning, 66)]
    [InlineData(ZoneMeasure.Flow, Severity.Alarm, 82)]
    [InlineData(ZoneMeasure.Flow, Severity.Critical, 82)]
    public void LevelFor_Defaults_FollowTheLiterature(ZoneMeasure measure, Severity severity, double expected)
    {
        ZoneLevels.Default.LevelFor(measure, severity).Should().Be(expected);
    }

    [Fact]
    public void LevelFor_OverriddenZone_UsesTheOverride()
    {
        var narrowStairs = ZoneLevels.Default with { DensityAlarm = 3.5, FlowAlarm = 66 };

        narrowStairs.LevelFor(ZoneMeasure.Density, Severity.Alarm).Should().Be(3.5);
        narrowStairs.LevelFor(ZoneMeasure.Flow, Severity.Alarm).Should().Be(66);
        narrowStairs.LevelFor(ZoneMeasure.Density, Severity.Critical).Should().Be(5);
    }

    [Fact]
    public void LevelFor_UndefinedSeverity_Throws()
    {
        var act = () => ZoneLevels.Default.LevelFor(ZoneMeasure.Density, (Severity)9);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*defined ZoneMeasure and Severity*");
    }

    [Theory]
    [InlineData(ZoneMeasure.Density, 1.99, null)]
    [InlineData(ZoneMeasure.Density, 2.0, Severity.Warning)]
    [InlineData(ZoneMeasure.Density, 4.0, Severity.Alarm)]
    [InlineData(ZoneMeasure.Density, 5.5, Severity.Critical)]
    [InlineData(ZoneMeasure.Flow, 65.9, null)]
    [InlineData(ZoneMeasure.Flow, 66, Severity.Warning)]
    [InlineData(ZoneMeasure.Flow, 82, Severity.Critical)]
    [InlineData(ZoneMeasure.Density, double.NaN, null)]
    public void SeverityOf_Value_IsTheMostSeriousLevelReached(ZoneMeasure measure, double value, Severity? expected)
    {
        ZoneLevels.Default.SeverityOf(measure, value).Should().Be(expected);
    }
}
