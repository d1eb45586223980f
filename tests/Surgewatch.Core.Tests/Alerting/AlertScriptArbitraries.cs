using FsCheck;
using FsCheck.Fluent;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Tests.Alerting;

/// <summary>Random alert scripts: values on a grid around the threshold 4, gaps in the data, operator moves and a silence.</summary>
public static class AlertScriptArbitraries
{
    public static Arbitrary<AlertScript> Scripts()
    {
        var value = Gen.Frequency(
            (1, Gen.Constant<double?>(null)),
            (6, Gen.Choose(10, 22).Select(q => (double?)(q / 4.0))));
        var move = Gen.Frequency(
            (20, Gen.Constant(OperatorMove.None)), (1, Gen.Constant(OperatorMove.Acknowledge)), (1, Gen.Constant(OperatorMove.Resolve)));
        var step =
            from advance in Gen.Choose(0, 6)
            from m in move
            from v in value
            select new ScriptStep(advance, m, v);
        var rule =
            from pending in Gen.Choose(0, 5)
            from keep in Gen.Choose(0, 10)
            from noData in Gen.Choose(1, 12)
            from resolveBelow in Gen.Elements(3.0, 3.5, 4.0)
            select new AlertRule("density-alarm", Severity.Alarm, AlertSource.Observed, 4.0, resolveBelow,
                TimeSpan.FromMinutes(pending), TimeSpan.FromMinutes(keep), TimeSpan.FromMinutes(noData), TimeSpan.Zero).Validated();
        var script =
            from r in rule
            from silenceFrom in Gen.Choose(0, 300)
            from silenceLength in Gen.Choose(0, 120)
            from n in Gen.Choose(0, 150)
            from steps in Gen.ArrayOf(step, n)
            select new AlertScript(r, silenceFrom, silenceFrom + silenceLength, steps);
        return script
            .ToArbitrary();
    }
}
