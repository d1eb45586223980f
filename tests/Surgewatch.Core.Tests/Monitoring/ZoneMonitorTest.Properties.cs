using FsCheck;
using FsCheck.Xunit;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Monitoring;
using static Surgewatch.Core.Tests.Occupancy.FusionTestData;

namespace Surgewatch.Core.Tests.Monitoring;

public partial class ZoneMonitorTest
{
    [Property(MaxTest = 60)]
    public bool Step_AnyDensityUnderASilence_SendsNothing(NonNegativeInt[] tenths)
    {
        var density = tenths.Select(t => t.Get % 80 / 10.0).ToArray();
        var driver = MonitorDriver.CameraDensity(density);
        driver.Silences.Add(new Silence(AlertMatcher.Any, T0, Minute(1000), "op"));

        driver.RunTo(density.Length + 15);

        return driver.Notifications.Count == 0;
    }

    [Property(MaxTest = 60)]
    public bool Step_AnyDensity_LevelMatchesTheObservedDensity(NonNegativeInt[] tenths)
    {
        var density = tenths.Select(t => t.Get % 80 / 10.0).ToArray();
        var driver = MonitorDriver.CameraDensity(density).RunTo(density.Length);

        return driver.Statuses.Zip(density).All(p => p.First.Level == Expected(p.Second));
    }

    private static ZoneLevel Expected(double density) =>
        density >= 5 ? ZoneLevel.Critical : density >= 4 ? ZoneLevel.Alarm : density >= 2 ? ZoneLevel.Warning : ZoneLevel.Ok;
}
