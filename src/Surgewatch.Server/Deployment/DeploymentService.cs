using Surgewatch.Core.Cluster;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Live;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Roads;
using Surgewatch.Server.Live;
using Surgewatch.Server.Monitoring;

namespace Surgewatch.Server.Deployment;

/// <summary>
/// Drives the counters' <see cref="LiveDeployment"/> and the roads' <see cref="RoadDeployment"/>: deploys the latest
/// saved model of each when a new one appears (checked every few seconds), and issues each slot as it begins, on the
/// server clock (so the demo's and the replay's accelerated time drive it too). It feeds and schedules; the
/// forecasting and the warning are Core's and the model's.
/// </summary>
/// <remarks>
/// In a cluster each family's sensors are split into groups (<see cref="SensorGroups"/>), each with its step
/// (<see cref="FamilySteps"/>), placed like zones: a node runs a family's model for the groups it holds (their sensors
/// alone are forecast, stored and warned about there, so each is forecast once), shares each group's outlook after each
/// issue (<see cref="IModelsOutlookShare"/>) and shows the other groups' outlooks as their nodes shared them. A node that
/// holds no group of a family stands its deployment down and follows: it shows the model the others run and their
/// outlooks, and reads their forecasts from the store. A node whose groups change deploys at once. A family that fails
/// does not hold the other up.
/// </remarks>
internal sealed class DeploymentService(
    LiveDeployment deployment, RoadDeployment roads, IZoneOwnership ownership, IModelsOutlookShare share,
    MonitorSignal signal, LiveNotifier notifier, Metrics.LiveMetrics metrics, ILogger<DeploymentService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ModelCheck = TimeSpan.FromSeconds(5);

    private readonly Family<SurgeMonitor, CounterStatusDto> _counters = new(deployment, LiveMessages.Counters, () => deployment.Counters, () => deployment.OwnCounters, deployment.Follow, c => c.SensorId);
    private readonly Family<CongestionMonitor, RoadStatusDto> _roads = new(roads, LiveMessages.Roads, () => roads.Roads, () => roads.OwnRoads, roads.Follow, r => r.SensorId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StepAsync(_counters, stoppingToken);
                await StepAsync(_roads, stoppingToken);
                await Task.Delay(Tick, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One tick of one family: runs it for the groups this node holds, follows the others; a failure pauses it alone.</summary>
    private async Task StepAsync<TMonitor, TStatus>(Family<TMonitor, TStatus> family, CancellationToken cancellationToken)
        where TMonitor : SensorAlertMonitor
    {
        if (family.FailedAt is { } failed && TimeProvider.System.GetElapsedTime(failed) < ModelCheck)
        {
            return;
        }

        try
        {
            var held = ownership.HoldsEverything ? SensorGroups.All : FamilySteps.Held(family.Deployment.Subjects, ownership.Holds);
            if (held.IsEmpty)
            {
                await StandDownAsync(family, cancellationToken);
            }
            else
            {
                await RunAsync(family, held, cancellationToken);
            }

            if (!ownership.HoldsEverything)
            {
                await FollowAsync(family, held, cancellationToken);
            }

            if (family.Unsent && !held.IsEmpty)
            {
                await notifier.SendAsync(family.Message, family.Statuses(), cancellationToken);
                family.Unsent = false;
            }

            family.FailedAt = null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "The {Family}' deployed model could not forecast; trying again shortly", family.Name);
            family.FailedAt = TimeProvider.System.GetTimestamp();
        }
    }

    /// <summary>
    /// This node runs the family for <paramref name="held"/>: deploys a new model (or for new groups), issues the slots
    /// due, and shares each group's outlook when it changed.
    /// </summary>
    private async Task RunAsync<TMonitor, TStatus>(Family<TMonitor, TStatus> family, SensorGroups held, CancellationToken cancellationToken)
        where TMonitor : SensorAlertMonitor
    {
        var changed = false;
        if (held != family.Held || family.LastCheck == long.MinValue || TimeProvider.System.GetElapsedTime(family.LastCheck) >= ModelCheck)
        {
            family.Held = held;
            family.LastCheck = TimeProvider.System.GetTimestamp();
            changed |= await family.Deployment.DeployLatestAsync(held, cancellationToken);
        }

        if (await family.Deployment.IssueDueAsync(cancellationToken) > 0)
        {
            metrics.ForecastsIssued(family.Deployment.Model?.Name ?? "unknown");
            signal.Nudge();
            family.Unsent = true;
            changed = true;
        }

        if (!ownership.HoldsEverything && (changed || family.Shared != held))
        {
            var byGroup = family.Own().ToLookup(s => SensorGroups.Of(family.SensorOf(s)));
            foreach (var group in held.Groups())
            {
                share.Share(FamilySteps.Step(family.Deployment.Subjects, group), new FamilyOutlook<TStatus>(family.Deployment.Model?.Id, [.. byGroup[group]]).ToText());
            }

            family.Shared = held;
        }
    }

    /// <summary>This node holds none of the family's groups: stands its deployment down.</summary>
    private async Task StandDownAsync<TMonitor, TStatus>(Family<TMonitor, TStatus> family, CancellationToken cancellationToken)
        where TMonitor : SensorAlertMonitor
    {
        (family.Held, family.Shared) = (SensorGroups.None, SensorGroups.None);
        if (await family.Deployment.StandDownAsync(cancellationToken))
        {
            logger.LogInformation("Other nodes hold the {Family}' groups: this one stops forecasting them and shows those nodes' forecasts and outlooks", family.Name);
        }
    }

    /// <summary>
    /// Shows the outlooks of the groups this node does not hold, as their nodes shared them last; a node that holds none
    /// also follows the model they run.
    /// </summary>
    private async Task FollowAsync<TMonitor, TStatus>(Family<TMonitor, TStatus> family, SensorGroups held, CancellationToken cancellationToken)
        where TMonitor : SensorAlertMonitor
    {
        var changed = false;
        for (var group = 0; group < SensorGroups.Count; group++)
        {
            if (held.Contains(group))
            {
                changed |= family.Others.Remove(group);
                continue;
            }

            if (share.Shared(FamilySteps.Step(family.Deployment.Subjects, group)) is not { } text
                || (family.Others.TryGetValue(group, out var known) && known.Text == text))
            {
                continue;
            }

            var outlook = FamilyOutlook<TStatus>.Parse(text);
            family.Others[group] = new(text, outlook.Model, [.. outlook.Statuses.Where(s => SensorGroups.Of(family.SensorOf(s)) == group)]);
            changed = true;
        }

        if (!changed)
        {
            return;
        }

        family.Follow([.. family.Others.Values.SelectMany(o => o.Statuses)]);
        if (held.IsEmpty)
        {
            // The lead group's model first: its node trains the family's models, so it deploys each first.
            var model = family.Others.TryGetValue(0, out var lead) ? lead.Model : family.Others.Values.Select(o => o.Model).FirstOrDefault(m => m is not null);
            await family.Deployment.FollowAsync(model, cancellationToken);
        }
        else
        {
            // This node's dashboards are sent the whole family, the other groups' new outlooks included.
            family.Unsent = true;
        }
    }

    /// <summary>One family's deployment and what this service remembers of it between ticks.</summary>
    private sealed class Family<TMonitor, TStatus>(
        ModelDeployment<TMonitor> deployment,
        string message,
        Func<IReadOnlyList<TStatus>> statuses,
        Func<IReadOnlyList<TStatus>> own,
        Action<IReadOnlyList<TStatus>> follow,
        Func<TStatus, string> sensorOf)
        where TMonitor : SensorAlertMonitor
    {
        /// <summary>The family's name for the log: <c>counters</c> or <c>roads</c>.</summary>
        public string Name { get; } = ModelSubjectsText.Of(deployment.Subjects);

        public ModelDeployment<TMonitor> Deployment => deployment;

        /// <summary>The live message its outlooks go out as.</summary>
        public string Message => message;

        /// <summary>The outlooks shown: this node's groups' and the others' as shared.</summary>
        public Func<IReadOnlyList<TStatus>> Statuses => statuses;

        /// <summary>The outlooks of this node's own groups.</summary>
        public Func<IReadOnlyList<TStatus>> Own => own;

        /// <summary>Shows the other groups' outlooks.</summary>
        public Action<IReadOnlyList<TStatus>> Follow => follow;

        /// <summary>The sensor id of an outlook.</summary>
        public Func<TStatus, string> SensorOf => sensorOf;

        /// <summary>The groups this node last deployed for (none while it holds none).</summary>
        public SensorGroups Held { get; set; }

        /// <summary>When this node last looked for a new model (a timestamp), or <see cref="long.MinValue"/>.</summary>
        public long LastCheck { get; set; } = long.MinValue;

        /// <summary>The groups whose outlooks this node has shared since it began running them.</summary>
        public SensorGroups Shared { get; set; }

        /// <summary>Whether the outlooks changed since this node last sent them to its dashboards.</summary>
        public bool Unsent { get; set; }

        /// <summary>The outlooks of the groups other nodes hold, as shared: their text, model and statuses.</summary>
        public Dictionary<int, Followed> Others { get; } = [];

        /// <summary>When (a timestamp) the family last failed, after which it rests for a while; null when its last tick went through.</summary>
        public long? FailedAt { get; set; }

        /// <summary>One other group's shared outlook.</summary>
        public sealed record Followed(string Text, long? Model, IReadOnlyList<TStatus> Statuses);
    }
}
