using Surgewatch.Core.Series;

namespace Surgewatch.Core.Roads;

/// <summary>
/// What an operator sets for one road sensor in a roads file: its free-flow speed (null: estimated from its history,
/// <see cref="FreeFlow"/>) and its congestion ladder (the defaults unless given).
/// </summary>
public sealed record RoadSettings(SensorId Sensor, double? FreeFlowSpeed, CongestionLadder Ladder)
{
    /// <summary>The free-flow speed in force: the one set here, or else <paramref name="estimated"/>.</summary>
    public double FreeFlowOr(double estimated) => FreeFlowSpeed ?? estimated;
}
