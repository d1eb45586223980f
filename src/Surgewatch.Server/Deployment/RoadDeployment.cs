using Surgewatch.Core.Calendar;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;
using Surgewatch.Models.Deployment;
using Surgewatch.Server.Clock;

namespace Surgewatch.Server.Deployment;

/// <summary>
/// A road's outlook as the API and the hub show it: its level now (from the latest speed over its free-flow speed),
/// the level of the lowest speed forecast within the rule's window, the calibrated probability of congestion within
/// it (null when congested now or without a forecast), and whether the congestion rule warns.
/// </summary>
internal sealed record RoadStatusDto(
    string SensorId, string Slot, double? FreeFlow, double? CongestedSpeed, string Level, string ForecastLevel, double? Probability, bool Warned, bool Fresh, string Model, int WindowMinutes);

/// <summary>
/// The roads' deployed model (<see cref="ModelDeployment{TMonitor}"/>) with Core's <see cref="CongestionMonitor"/>: each
/// issue forecasts the rule's window (an hour) for every road and hands it to the monitor, which decides each road as
/// <c>evaluate-warnings --kind road-speed</c> does and keeps one <c>road-congestion</c> alert per road.
/// </summary>
internal sealed class RoadDeployment(
    IObservationStore observations, IModelStore models, IForecastStore forecasts, IRoadGraphStore graph, ClockDtos clocks, ILogger<RoadDeployment> logger)
    : ModelDeployment<CongestionMonitor>(ModelSubjects.Roads, observations, models, forecasts, graph, clocks, logger)
{
    private (long Id, CongestionLadder Ladder)? _followedLadder;

    private readonly ShownOutlooks<RoadStatusDto> _shown = new(r => r.SensorId);

    /// <summary>Each road's outlook after the last slot's issue: this node's groups' and, in a cluster, those the nodes holding the others shared.</summary>
    public IReadOnlyList<RoadStatusDto> Roads => _shown.Shown;

    /// <summary>The outlooks of this node's own groups alone (what it shares with the other nodes).</summary>
    public IReadOnlyList<RoadStatusDto> OwnRoads => _shown.Mine;

    /// <summary>
    /// The deployed congestion rule's ladder (the monitor's, or on a node that follows another the rule saved with that
    /// node's model); the default ladder without a rule.
    /// </summary>
    public CongestionLadder Ladder
    {
        get
        {
            lock (Sync)
            {
                if (Monitor is { } monitor)
                {
                    return monitor.Rule.Road.Ladder;
                }

                if (Model is not { Rule: { } rule } model)
                {
                    return CongestionLadder.Default;
                }

                if (_followedLadder is not { } known || known.Id != model.Id)
                {
                    _followedLadder = known = (model.Id, CongestionRule.FromBytes(rule).Road.Ladder);
                }

                return known.Ladder;
            }
        }
    }

    /// <summary>Shows the outlooks of the groups other nodes run (see <see cref="ModelDeployment{TMonitor}.FollowAsync"/>).</summary>
    public void Follow(IReadOnlyList<RoadStatusDto> roads) => _shown.Others(roads);

    protected override CongestionMonitor? CreateMonitor(DeployedModel model, SensorGroups covers) => model.Congestion is { } rule ? new CongestionMonitor(rule, covers) : null;

    protected override int ReplayLength(CongestionMonitor monitor) => monitor.ReplayLength;

    protected override void Replay(CongestionMonitor monitor, SeriesPanel panel, int slot, IForecaster forecaster) => monitor.Issue(panel, slot, forecaster);

    protected override int Horizon(CongestionMonitor? monitor, SeriesPanel panel) =>
        monitor?.Rule.Window ?? Core.Evaluation.Warnings.WarningEvaluationOptions.RoadWindowSlots(panel.Step);

    protected override void Issued(CongestionMonitor monitor, string model, SeriesPanel panel, int slot, double[] points, int horizon)
    {
        var outlooks = monitor.Issue(panel, slot, points);
        var congested = monitor.Rule.Road.Ladder.Congested;
        var window = (int)Math.Round(monitor.Rule.Window * panel.Step.TotalMinutes);
        _shown.Own([.. outlooks.Select(o => new RoadStatusDto(
            o.Sensor.Value, Clocks.Format(o.Slot), double.IsNaN(o.Threshold) ? null : Math.Round(o.Threshold / congested, 1),
            double.IsNaN(o.Threshold) ? null : Math.Round(o.Threshold, 1), CongestionLadder.Name(o.Level), CongestionLadder.Name(o.ForecastLevel),
            o.Probability is { } p ? Math.Round(p, 3) : null, o.Warned, o.Fresh, model, window))]);
    }

    protected override void ClearOutlooks() => _shown.Own([]);

    protected override string Describe(CongestionMonitor? monitor) =>
        monitor is null ? "none" : $"{monitor.Rule.Thresholds.Count(t => !double.IsNaN(t))} roads with a congested speed";
}
