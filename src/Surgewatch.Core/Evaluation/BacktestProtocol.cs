using System.Diagnostics.CodeAnalysis;

namespace Surgewatch.Core.Evaluation;

/// <summary>Which forecasts a backtest issues.</summary>
public enum BacktestProtocol
{
    /// <summary>
    /// <c>rolling</c>: a forecast issued at every slot t, for t+1 … t+<see cref="BacktestOptions.Horizon"/>, scored on
    /// the targets at or after test-from. So every test slot is scored at every horizon h, by the forecast issued
    /// h slots before it; the first issue times (test-from − H … test-from − 1) see only training data. With
    /// horizon 1, the first target is test-from itself and every pair's issue time is the slot before its target.
    /// </summary>
    Rolling = 0,

    /// <summary>
    /// <c>day-ahead</c>: a forecast issued after the last slot of each day D with D+1 on or after test-from's day,
    /// for every slot of D+1; horizon h is slot h − 1 of D+1 (1 … steps per day).
    /// </summary>
    DayAhead = 1,
}

/// <summary>The command-line names of <see cref="BacktestProtocol"/>: <c>rolling</c> and <c>day-ahead</c>.</summary>
public static class BacktestProtocolNames
{
    /// <summary>Every name, in enum order.</summary>
    public static IReadOnlyList<string> All { get; } = ["rolling", "day-ahead"];

    /// <summary>The name of <paramref name="protocol"/>.</summary>
    public static string Name(BacktestProtocol protocol) => protocol switch
    {
        BacktestProtocol.Rolling => "rolling",
        BacktestProtocol.DayAhead => "day-ahead",
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "Use Rolling or DayAhead."),
    };

    /// <summary>Parses a name (case-insensitive); false when it is not one of <see cref="All"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? name, out BacktestProtocol protocol)
    {
        protocol = BacktestProtocol.Rolling;
        if (string.Equals(name, "rolling", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        protocol = BacktestProtocol.DayAhead;
        return string.Equals(name, "day-ahead", StringComparison.OrdinalIgnoreCase);
    }
}
