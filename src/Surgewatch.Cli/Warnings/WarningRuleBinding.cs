using System.CommandLine;
using System.Globalization;
using Surgewatch.Cli.Common;
using Surgewatch.Core.Evaluation.Warnings;

namespace Surgewatch.Cli.Warnings;

/// <summary>The <c>evaluate-warnings</c> options that choose and tune the warning rule.</summary>
internal sealed class WarningRuleBinding
{
    private static readonly WarningEvaluationOptions Defaults = new();

    private readonly Option<string> _rule = new("--rule")
    {
        Description = "Warning rule: exceedance (the calibrated probability of exceeding the threshold reaches a level) or upper-bound (the 90% upper bound reaches it).",
        DefaultValueFactory = _ => "exceedance",
    };

    private readonly Option<double> _live = new("--p-live") { Description = "Exceedance rule: the live rule warns at this probability.", DefaultValueFactory = _ => Defaults.LiveProbability };
    private readonly Option<double> _day = new("--p-day") { Description = "Exceedance rule: the day-ahead briefing warns at this probability.", DefaultValueFactory = _ => Defaults.DayAheadProbability };
    private readonly Option<double> _withdraw = new("--p-withdraw") { Description = "Exceedance rule: a day-ahead warning is withdrawn when the latest live forecast's probability is below this (0: never).", DefaultValueFactory = _ => Defaults.WithdrawProbability };
    private readonly Option<int> _keep = new("--keep-firing") { Description = "Hours a warning stays on after the last warned hour (0 to 3).", DefaultValueFactory = _ => Defaults.KeepFiringHours };
    private readonly Option<bool> _pending = new("--pending") { Description = "Exceedance rule: the live rule warns only when two successive forecasts agree (true/false).", DefaultValueFactory = _ => Defaults.Pending };
    private readonly Option<string?> _levels = new("--level-bins") { Description = "Exceedance rule: comma-separated edges of forecast ÷ threshold on which the probabilities are conditioned, e.g. 0.5,0.8; 'none' for none." };
    private readonly Option<bool> _pool = new("--pool-sensors") { Description = "Exceedance rule: one ratio distribution for all sensors (true) or one per sensor (false).", DefaultValueFactory = _ => Defaults.PoolSensors };

    private readonly Option<int> _hours = new("--hour-groups") { Description = "Exceedance rule: equal groups of the hours of the day with their own probabilities (1: none; 4: six-hour blocks).", DefaultValueFactory = _ => Defaults.HourGroups };

    private readonly Option<bool> _sensorScale = new("--sensor-scale") { Description = "Exceedance rule: divide each sensor's log actual ÷ forecast by its own spread near its threshold, so steady and noisy counters share one shape (true/false).", DefaultValueFactory = _ => Defaults.SensorScale };
    private readonly Option<bool> _sensorLevel = new("--sensor-level") { Description = "Exceedance rule: multiply each sensor's forecasts by its median actual ÷ forecast over the calibration weeks first (true/false).", DefaultValueFactory = _ => Defaults.SensorLevel };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _rule, _live, _day, _withdraw, _keep, _pending, _levels, _pool, _hours, _sensorLevel, _sensorScale })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The rule settings of <paramref name="result"/> applied to <paramref name="options"/>.</summary>
    /// <summary>Whether --keep-firing was given on the command line (not its default).</summary>
    public bool KeepFiringGiven(ParseResult result) => result.GetResult(_keep) is { Implicit: false };

    public bool LiveProbabilityGiven(ParseResult result) => result.GetResult(_live) is { Implicit: false };

    public WarningEvaluationOptions Apply(ParseResult result, WarningEvaluationOptions options) => options with
    {
        Rule = result.GetValue(_rule) switch
        {
            "exceedance" => WarningRuleKind.Exceedance,
            "upper-bound" => WarningRuleKind.UpperBound,
            var other => throw new UserInputException($"--rule '{other}': give exceedance or upper-bound."),
        },
        LiveProbability = result.GetValue(_live),
        DayAheadProbability = result.GetValue(_day),
        WithdrawProbability = result.GetValue(_withdraw),
        KeepFiringHours = result.GetValue(_keep),
        Pending = result.GetValue(_pending),
        LevelEdges = result.GetValue(_levels) is { } text ? Edges(text) : Defaults.LevelEdges,
        PoolSensors = result.GetValue(_pool),
        HourGroups = result.GetValue(_hours),
        SensorLevel = result.GetValue(_sensorLevel),
        SensorScale = result.GetValue(_sensorScale),
    };

    private static double[] Edges(string text)
    {
        if (text.Trim() == "none")
        {
            return [];
        }

        return [.. text.Split(',').Select(part => double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new UserInputException($"--level-bins '{text}': '{part}' is not a number."))];
    }
}
