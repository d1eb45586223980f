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
}
