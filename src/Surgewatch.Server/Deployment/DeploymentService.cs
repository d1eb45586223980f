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
/// In a cluster each family is run by one node, the one holding its step (<see cref="FamilySteps"/>: the counters'
/// and the roads' steps are placed like zones, so two nodes may share the work), so each slot is forecast, stored and
/// warned about once; that node shares the family's outlook after each issue (<see cref="IModelsOutlookShare"/>). The
/// other nodes stand that family's deployment down and follow: they show that node's model and outlooks, and read its
/// forecasts from the store. A node that takes a family's step over deploys at once. A family that fails does not
/// hold the other up.
/// </remarks>
internal sealed class DeploymentService(
    LiveDeployment deployment, RoadDeployment roads, IZoneOwnership ownership, IModelsOutlookShare share,
    MonitorSignal signal, LiveNotifier notifier, Metrics.LiveMetrics metrics, ILogger<DeploymentService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ModelCheck = TimeSpan.FromSeconds(5);

    private readonly Family<SurgeMonitor, CounterStatusDto> _counters = new(deployment, LiveMessages.Counters, () => deployment.Counters, deployment.Follow);
    private readonly Family<CongestionMonitor, RoadStatusDto> _roads = new(roads, LiveMessages.Roads, () => roads.Roads, roads.Follow);

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

    /// <summary>One tick of one family: runs it when this node holds its step, else follows the node that does; a failure pauses it alone.</summary>
    private async Task StepAsync<TMonitor, TStatus>(Family<TMonitor, TStatus> family, CancellationToken cancellationToken)
        where TMonitor : SensorAlertMonitor
    {
        if (family.FailedAt is { } failed && TimeProvider.System.GetElapsedTime(failed) < ModelCheck)
        {
            return;
        }

        try
        {
            if (ownership.Holds(family.Step))
            {
                await RunAsync(family, cancellationToken);
            }
            else
            {
                await FollowAsync(family, cancellationToken);
            }

            family.FailedAt = null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "The {Family}' deployed model could not forecast; trying again shortly", family.Name);
            family.FailedAt = TimeProvider.System.GetTimestamp();
        }
    }

    /// <summary>This node runs the family: deploys a new model, issues the slots due, and shares the outlook when it changed.</summary>
    private async Task RunAsync<TMonitor, TStatus>(Family<TMonitor, TStatus> family, CancellationToken cancellationToken)
        where TMonitor : SensorAlertMonitor
    {
        var changed = false;
        if (family.Followed is not null || family.LastCheck == long.MinValue || TimeProvider.System.GetElapsedTime(family.LastCheck) >= ModelCheck)
        {
            family.Followed = null;
            family.LastCheck = TimeProvider.System.GetTimestamp();
            changed |= await family.Deployment.DeployLatestAsync(cancellationToken);
        }

        if (await family.Deployment.IssueDueAsync(cancellationToken) > 0)
        {
            metrics.ForecastsIssued(family.Deployment.Model?.Name ?? "unknown");
            signal.Nudge();
            await notifier.SendAsync(family.Message, family.Statuses(), cancellationToken);
            changed = true;
        }

        if (!ownership.HoldsEverything && (changed || !family.Shared))
        {
            share.Share(family.Step, new FamilyOutlook<TStatus>(family.Deployment.Model?.Id, family.Statuses()).ToText());
            family.Shared = true;
        }
    }

    /// <summary>Another node runs the family: stands this node's deployment down and shows what that node shared last.</summary>
    private async Task FollowAsync<TMonitor, TStatus>(Family<TMonitor, TStatus> family, CancellationToken cancellationToken)
        where TMonitor : SensorAlertMonitor
    {
        family.Shared = false;
        if (await family.Deployment.StandDownAsync(cancellationToken))
        {
            logger.LogInformation("Another node holds the {Family}' step: this one stops forecasting them and shows that node's forecasts and outlooks", family.Name);
        }

        if (share.Shared(family.Step) is not { } text || text == family.Followed)
        {
            return;
        }

        var outlook = FamilyOutlook<TStatus>.Parse(text);
        await family.Deployment.FollowAsync(outlook.Model, cancellationToken);
        family.Follow(outlook.Statuses);
        // The node that runs the family has told every node's dashboards (the hub's backplane).
        family.Followed = text;
    }

    /// <summary>One family's deployment and what this service remembers of it between ticks.</summary>
    private sealed class Family<TMonitor, TStatus>(
        ModelDeployment<TMonitor> deployment, string message, Func<IReadOnlyList<TStatus>> statuses, Action<IReadOnlyList<TStatus>> follow)
        where TMonitor : SensorAlertMonitor
    {
        /// <summary>The family's step in a cluster (<see cref="FamilySteps"/>).</summary>
        public string Step { get; } = FamilySteps.Of(deployment.Subjects);

        /// <summary>The family's name for the log: <c>counters</c> or <c>roads</c>.</summary>
        public string Name { get; } = ModelSubjectsText.Of(deployment.Subjects);

        public ModelDeployment<TMonitor> Deployment => deployment;

        /// <summary>The live message its outlooks go out as.</summary>
        public string Message => message;

        public Func<IReadOnlyList<TStatus>> Statuses => statuses;

        public Action<IReadOnlyList<TStatus>> Follow => follow;

        /// <summary>When this node last looked for a new model (a timestamp), or <see cref="long.MinValue"/>.</summary>
        public long LastCheck { get; set; } = long.MinValue;

        /// <summary>Whether this node has shared the outlook since it began running the family.</summary>
        public bool Shared { get; set; }

        /// <summary>The outlook text this node last followed, or null while it runs the family.</summary>
        public string? Followed { get; set; }

        /// <summary>When (a timestamp) the family last failed, after which it rests for a while; null when its last tick went through.</summary>
        public long? FailedAt { get; set; }
    }
}
