using Surgewatch.Core.Alerting;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using static Surgewatch.Core.Tests.Occupancy.FusionTestData;

namespace Surgewatch.Core.Tests.Monitoring;

/// <summary>Drives fusion and a <see cref="ZoneMonitor"/> minute by minute over synthetic camera head counts.</summary>
internal sealed class MonitorDriver
{
    private readonly Zone _zone;
    private readonly Dictionary<SensorId, IReadOnlyList<SensorReading>> _readings;
    private LineBalanceState _state = LineBalanceState.Start(T0);

    public MonitorDriver(Zone zone, Dictionary<SensorId, IReadOnlyList<SensorReading>> readings, ZoneMonitor? monitor = null)
    {
        _zone = zone;
        _readings = readings;
        Monitor = monitor ?? new ZoneMonitor();
    }

    public ZoneMonitor Monitor { get; }

    public NotificationPolicy Policy { get; set; } = NotificationPolicy.For(
        new EscalationStep("duty", TimeSpan.Zero), new EscalationStep("supervisor", TimeSpan.FromMinutes(10))).Validated();

    public List<ISilence> Silences { get; } = [];

    public List<AlertEvent> Events { get; } = [];

    public List<Notification> Notifications { get; } = [];

    public List<ZoneStatus> Statuses { get; } = [];

    /// <summary>A zone of 1,000 m² fed by one camera whose head count is <paramref name="density"/> × 1,000 each minute.</summary>
    public static MonitorDriver CameraDensity(double[] density, double? width = null, MonitorOptions? options = null)
    {
        var zone = ZoneWith(width, Source(Cam, ZoneSourceRole.Occupancy));
        return new MonitorDriver(zone, PerMinute((Cam, density.Select(d => d * 1000).ToArray())), options is null ? null : new ZoneMonitor(options));
    }

    public MonitorDriver RunTo(int minute, int from = 1)
    {
        for (var m = from; m <= minute; m++)
        {
            Step(Minute(m));
        }

        return this;
    }

    public MonitorStep Step(DateTimeOffset now)
    {
        var fused = OccupancyFusion.Fuse(_zone, _readings, _state, now);
        _state = fused.State;
        var step = Monitor.Step(
            now, [_zone], new Dictionary<ZoneId, ZoneOccupancy> { [_zone.Id] = fused.Occupancy },
            new Dictionary<ZoneId, IReadOnlyList<ForecastBound>>(), Silences, Policy);
        Events.AddRange(step.Events);
        Notifications.AddRange(step.Notifications);
        Statuses.AddRange(step.Zones);
        return step;
    }
}
