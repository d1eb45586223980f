using Surgewatch.Core.Calendar;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Live;
using Surgewatch.Core.Series;
using Surgewatch.Models.Deployment;
using Surgewatch.Server.Clock;

namespace Surgewatch.Server.Deployment;

/// <summary>A counter's outlook as the API and the hub show it; <c>Level</c> is Core's <see cref="CounterLevels"/> on the zones' ladder.</summary>
internal sealed record CounterStatusDto(string SensorId, string Slot, double? Threshold, double? Probability, bool Warned, string? WarnedSlot, bool Fresh, string Model, string Level);

/// <summary>
/// The counters' deployed model (<see cref="ModelDeployment{TMonitor}"/>) with Core's <see cref="SurgeMonitor"/>: each
/// issue forecasts a day ahead, hands the live horizons (and the day, at midnight) to the monitor and keeps each
/// counter's outlook.
/// </summary>
internal sealed class LiveDeployment(
    IObservationStore observations, IModelStore models, IForecastStore forecasts, Core.Roads.IRoadGraphStore graph, ClockDtos clocks, ILogger<LiveDeployment> logger)
    : ModelDeployment<SurgeMonitor>(ModelSubjects.Counters, observations, models, forecasts, graph, clocks, logger)
{
    private readonly ShownOutlooks<CounterStatusDto> _shown = new(c => c.SensorId);

    /// <summary>Each counter's outlook after the last slot's issue: this node's groups' and, in a cluster, those the nodes holding the others shared.</summary>
    public IReadOnlyList<CounterStatusDto> Counters => _shown.Shown;

    /// <summary>The outlooks of this node's own groups alone (what it shares with the other nodes).</summary>
    public IReadOnlyList<CounterStatusDto> OwnCounters => _shown.Mine;

    /// <summary>Shows the outlooks of the groups other nodes run (see <see cref="ModelDeployment{TMonitor}.FollowAsync"/>).</summary>
    public void Follow(IReadOnlyList<CounterStatusDto> counters) => _shown.Others(counters);

    /// <summary>The settled warning episodes of the deployed surge rule (empty without one).</summary>
    public IReadOnlyList<WarningEpisode> Episodes()
    {
        lock (Sync)
        {
            return Monitor?.Episodes() ?? [];
        }
    }

    protected override SurgeMonitor? CreateMonitor(DeployedModel model, SensorGroups covers) => model.Rule is { } rule ? new SurgeMonitor(rule, covers) : null;

    protected override int ReplayLength(SurgeMonitor monitor) => monitor.ReplayLength;

    protected override void Replay(SurgeMonitor monitor, SeriesPanel panel, int slot, IForecaster forecaster) => monitor.Issue(panel, slot, forecaster);

    protected override int Horizon(SurgeMonitor? monitor, SeriesPanel panel) =>
        Math.Max(SlotCalendar.StepsPerDay(panel.Step), monitor?.Rule.Options.RollingHorizon ?? 1);

    protected override void Issued(SurgeMonitor monitor, string model, SeriesPanel panel, int slot, double[] points, int horizon)
    {
        var options = monitor.Rule.Options;
        var (live, day) = Split(points, panel.Sensors.Count, horizon, options.RollingHorizon, panel.LabelAt(slot).SecondOfDay == 0 && options.DayAhead);
        _shown.Own(ToDtos(monitor.Issue(panel, slot, live, day), model, Clocks));
    }

    protected override void ClearOutlooks() => _shown.Own([]);

    protected override string Describe(SurgeMonitor? monitor) => monitor is null ? "none" : $"{monitor.Rule.WarnedCounters} counters with a threshold";

    /// <summary>Lays the day's points out as the monitor takes them: the live horizons, and the day when it is midnight.</summary>
    private static (double[] Live, double[] Day) Split(double[] points, int series, int horizon, int liveHorizon, bool midnight)
    {
        var live = new double[series * liveHorizon];
        var day = midnight ? points : [];
        for (var s = 0; s < series; s++)
        {
            points.AsSpan(s * horizon, liveHorizon).CopyTo(live.AsSpan(s * liveHorizon));
        }

        return (live, day);
    }

    private static IReadOnlyList<CounterStatusDto> ToDtos(IReadOnlyList<CounterSurge> surges, string model, ClockDtos clocks) =>
        [.. surges.Select(s => new CounterStatusDto(
            s.Sensor.Value, clocks.Format(s.Slot), double.IsNaN(s.Threshold) ? null : Math.Round(s.Threshold, 1),
            s.Probability is { } p ? Math.Round(p, 3) : null, s.Warned, s.WarnedSlot is { } warned ? clocks.Format(warned) : null, s.Fresh, model,
            Core.Monitoring.ZoneLevelLadder.Name(CounterLevels.Of(s))))];
}
