using Surgewatch.Core.Cluster;
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
/// In a cluster only the node holding the models' step (<see cref="IZoneOwnership.ModelsSubject"/>) runs the
/// deployments, so each slot is forecast, stored and warned about once; it shares the outlooks after each issue
/// (<see cref="IModelsOutlookShare"/>). The other nodes stand theirs down and follow: they show that node's model and
/// outlooks, and read its forecasts from the store. A node that takes the models over deploys at once.
/// </remarks>
internal sealed class DeploymentService(
    LiveDeployment deployment, RoadDeployment roads, IZoneOwnership ownership, IModelsOutlookShare share,
    MonitorSignal signal, LiveNotifier notifier, Metrics.LiveMetrics metrics, ILogger<DeploymentService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ModelCheck = TimeSpan.FromSeconds(5);
    private long _lastCheck = long.MinValue;
    private bool _shared;
    private string? _followed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (ownership.Holds(IZoneOwnership.ModelsSubject))
                {
                    await RunAsync(stoppingToken);
                }
                else
                {
                    await FollowAsync(stoppingToken);
                }

                await Task.Delay(Tick, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The deployed model could not forecast; trying again shortly");
                await Task.Delay(ModelCheck, stoppingToken);
            }
        }
    }

    /// <summary>This node runs the models: deploys a new one, issues the slots due, and shares the outlooks when they changed.</summary>
    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var changed = false;
        if (_followed is not null || _lastCheck == long.MinValue || TimeProvider.System.GetElapsedTime(_lastCheck) >= ModelCheck)
        {
            _followed = null;
            _lastCheck = TimeProvider.System.GetTimestamp();
            changed |= await deployment.DeployLatestAsync(cancellationToken);
            changed |= await roads.DeployLatestAsync(cancellationToken);
        }

        if (await deployment.IssueDueAsync(cancellationToken) > 0)
        {
            metrics.ForecastsIssued(deployment.Model?.Name ?? "unknown");
            signal.Nudge();
            await notifier.SendAsync(LiveMessages.Counters, deployment.Counters, cancellationToken);
            changed = true;
        }

        if (await roads.IssueDueAsync(cancellationToken) > 0)
        {
            metrics.ForecastsIssued(roads.Model?.Name ?? "unknown");
            signal.Nudge();
            await notifier.SendAsync(LiveMessages.Roads, roads.Roads, cancellationToken);
            changed = true;
        }

        if (!ownership.HoldsEverything && (changed || !_shared))
        {
            share.Share(ModelsOutlook.Of(deployment, roads).ToText());
            _shared = true;
        }
    }

    /// <summary>Another node runs the models: stands this node's deployments down and shows what that node shared last.</summary>
    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        _shared = false;
        if (await deployment.StandDownAsync(cancellationToken) | await roads.StandDownAsync(cancellationToken))
        {
            logger.LogInformation("Another node holds the models' step: this one stops forecasting and shows that node's forecasts and outlooks");
        }

        if (share.Shared is not { } text || text == _followed)
        {
            return;
        }

        var outlook = ModelsOutlook.Parse(text);
        await deployment.FollowAsync(outlook.CounterModel, cancellationToken);
        await roads.FollowAsync(outlook.RoadModel, cancellationToken);
        deployment.Follow(outlook.Counters);
        roads.Follow(outlook.Roads);
        // The node that runs the models has told every node's dashboards (the hub's backplane).
        _followed = text;
    }
}
